from datetime import timedelta

import pytest
from django.utils import timezone

from civicgrid.patrols import checkins
from civicgrid.patrols.checkins import PatrolError
from civicgrid.patrols.models import CheckIn
from civicgrid.testing import factories


def at_school(patrol, at):
    school = patrol.school
    return checkins.Row(point=school.pk, at=at, longitude=school.longitude, latitude=school.latitude)


def test_a_check_in_after_the_shift_ended_is_refused(patrol, grid_worker):
    late = patrol.shift.ends_at + timedelta(minutes=1)
    with pytest.raises(PatrolError, match="没有包含点位“榆林第一小学”的当班班次"):
        checkins.check_in(grid_worker, at_school(patrol, late), now=late)
    assert not CheckIn.objects.exists()


def test_a_check_in_before_the_shift_began_is_refused(patrol, grid_worker):
    with pytest.raises(PatrolError, match="当班班次"):
        checkins.check_in(grid_worker, at_school(patrol, patrol.shift.starts_at - timedelta(minutes=1)))


def test_a_check_in_dated_in_the_future_is_refused(patrol, grid_worker):
    with pytest.raises(PatrolError, match="晚于当前时间"):
        checkins.check_in(grid_worker, at_school(patrol, timezone.now() + timedelta(hours=1)))


def test_someone_not_on_the_shift_cannot_check_in_at_its_points(patrol, yulin):
    stranger = factories.staff_with_role("grid_worker", area=yulin["grid_a"], username="another_worker")
    with pytest.raises(PatrolError, match="点位不存在"):
        checkins.check_in(stranger, at_school(patrol, timezone.now()))
    assert not CheckIn.objects.exists()


def test_a_member_no_longer_in_the_team_cannot_check_in(patrol, grid_worker):
    patrol.member.active = False
    patrol.member.save()
    with pytest.raises(PatrolError):
        checkins.check_in(grid_worker, at_school(patrol, timezone.now()))


def test_a_time_no_patrol_can_have_is_refused_as_a_bad_row(api, patrol, grid_worker):
    qr = checkins.point_token(patrol.school)
    items = [{"qr": qr, "at": "0202-10-14T15:10:50-21:20"}, {"qr": qr}]
    body = api(grid_worker, "post", "/patrols/checkins", {"items": items}).json()
    assert body["created"] == 1 and body["errors"] == [{"row": 1, "message": "打卡时间不正确。"}]
