from datetime import timedelta

from django.utils import timezone

from civicgrid.patrols import checkins, services


def check(grid_worker, point, minutes_ago=5):
    at = timezone.now() - timedelta(minutes=minutes_ago)
    return checkins.check_in(grid_worker, checkins.Row(point=point.pk, at=at, longitude=point.longitude,
                                                       latitude=point.latitude))


def test_two_of_three_points_checked_is_67_percent_and_the_third_is_missed(patrol, grid_worker):
    school, market, station = patrol.points
    check(grid_worker, school, 30)
    check(grid_worker, school, 20)  # a second pass at the same point counts once
    check(grid_worker, market)
    progress = services.completeness([patrol.shift.pk])[patrol.shift.pk]
    assert (progress.planned, progress.checked, progress.percent) == (3, 2, 67)
    assert services.missed_points(patrol.shift) == [station]


def test_a_shift_planning_fewer_points_counts_only_those(patrol, grid_worker):
    school = patrol.school
    fewer = services.plan_shift(patrol.team, patrol.zone, patrol.shift.starts_at, patrol.shift.ends_at,
                                [patrol.member], points=[school])
    progress = services.completeness([fewer.pk, patrol.shift.pk])
    assert (progress[fewer.pk].planned, progress[patrol.shift.pk].planned) == (1, 3)


def test_the_shift_page_shows_completeness_and_each_points_state(client, patrol, grid_worker):
    check(grid_worker, patrol.school)
    client.force_login(grid_worker)
    page = client.get(f"/patrols/shifts/{patrol.shift.pk}/").content.decode()
    assert 'data-checked="1" data-planned="3"' in page
    school, market, _station = patrol.points
    assert f'data-point="{school.pk}" data-checked="1"' in page and f'data-point="{market.pk}" data-checked="0"' in page
