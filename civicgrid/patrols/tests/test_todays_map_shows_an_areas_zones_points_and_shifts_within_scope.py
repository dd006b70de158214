from datetime import timedelta

from django.utils import timezone

from civicgrid.patrols import checkins, services


def test_the_day_holds_the_zone_its_points_by_state_and_the_shift_with_completeness(patrol, grid_worker,
                                                                                    township_dispatcher, yulin):
    school = patrol.school
    checkins.check_in(grid_worker, checkins.Row(point=school.pk, longitude=school.longitude, latitude=school.latitude))
    day = services.today(township_dispatcher, yulin["township_a"].code)
    assert [zone["name"] for zone in day.zones] == ["鼓楼步行街巡逻区"]
    assert {p["name"]: p["state"] for p in day.points} == {"榆林第一小学": "checked", "鼓楼农贸市场": "due",
                                                           "鼓楼公交站": "due"}
    assert day.shifts == [patrol.shift] and day.shifts[0].progress.checked == 1


def test_points_of_a_shift_that_ended_unchecked_are_missed(patrol, township_dispatcher, yulin):
    later = patrol.shift.ends_at + timedelta(minutes=1)
    day = services.today(township_dispatcher, yulin["township_a"].code, day=timezone.localdate(patrol.shift.starts_at),
                         now=later)
    assert {p["state"] for p in day.points} == {"missed"}


def test_the_page_draws_the_map_and_outside_scope_it_is_a_404(client, patrol, township_dispatcher, outsider, yulin):
    client.force_login(township_dispatcher)
    page = client.get(f"/patrols/today/{yulin['township_a'].code}/").content.decode()
    assert 'id="patrol-map"' in page and "鼓楼群防群治队" in page and "0/3" in page
    client.force_login(outsider)
    assert client.get(f"/patrols/today/{yulin['township_a'].code}/").status_code == 404
    assert client.get(f"/patrols/shifts/{patrol.shift.pk}/").status_code == 404
