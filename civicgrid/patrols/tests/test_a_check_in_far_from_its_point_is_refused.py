import pytest
from django.test import override_settings

from civicgrid.patrols import checkins
from civicgrid.patrols.checkins import PatrolError
from civicgrid.patrols.models import CheckIn


def test_a_check_in_half_a_kilometre_away_is_refused_saying_how_far(patrol, grid_worker):
    school = patrol.school
    with pytest.raises(PatrolError, match=r"约 5\d\d 米，超出打卡范围（100 米）"):
        checkins.check_in(grid_worker, checkins.Row(point=school.pk, longitude=school.longitude,
                                                    latitude=school.latitude + 0.005))
    assert not CheckIn.objects.exists()


@override_settings(CIVICGRID_PATROL_CHECKIN_RADIUS_M=20)
def test_the_radius_is_the_administrators(patrol, grid_worker):
    school = patrol.school
    with pytest.raises(PatrolError, match="超出打卡范围（20 米）"):
        checkins.check_in(grid_worker, checkins.Row(point=school.pk, longitude=school.longitude,
                                                    latitude=school.latitude + 0.00035))


def test_a_check_in_by_position_without_one_is_refused(patrol, grid_worker):
    with pytest.raises(PatrolError, match="定位打卡需要当前位置"):
        checkins.check_in(grid_worker, checkins.Row(point=patrol.school.pk))
    assert not CheckIn.objects.exists()


def test_the_check_in_page_shows_the_refusal_and_records_nothing(client, patrol, grid_worker):
    client.force_login(grid_worker)
    school = patrol.school
    answer = client.post(f"/patrols/shifts/{patrol.shift.pk}/check-in/",
                         {"point": school.pk, "longitude": school.longitude, "latitude": school.latitude + 0.01},
                         follow=True)
    assert "超出打卡范围" in answer.content.decode()
    assert not CheckIn.objects.exists()
