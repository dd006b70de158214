from datetime import timedelta

import pytest
from django.utils import timezone

from civicgrid.patrols import routes
from civicgrid.patrols.checkins import PatrolError
from civicgrid.patrols.models import Route, RoutePoint
from civicgrid.testing import factories


def test_the_member_starts_records_and_stops_their_route_through_the_api(api, patrol, grid_worker):
    started = api(grid_worker, "post", f"/patrols/shifts/{patrol.shift.pk}/routes").json()
    now = timezone.now()
    items = [{"at": now, "longitude": 109.705, "latitude": 38.285}, {"at": now, "longitude": 109.706, "latitude": 38.287}]
    assert api(grid_worker, "post", f"/patrols/routes/{started['id']}/positions", {"items": items}).json() == {"recorded": 2}
    stopped = api(grid_worker, "post", f"/patrols/routes/{started['id']}/stop").json()
    assert stopped["stopped_at"] is not None
    late = api(grid_worker, "post", f"/patrols/routes/{started['id']}/positions", {"items": items})
    assert late.status_code == 409
    read = api(grid_worker, "get", f"/patrols/routes/{started['id']}").json()
    assert read["positions"] == [[109.705, 38.285], [109.706, 38.287]]


def test_nothing_is_recorded_before_the_member_presses_start(patrol, grid_worker):
    assert routes.open_route(patrol.member, patrol.shift, timezone.now()) is None
    assert not Route.objects.exists()


def test_a_route_cannot_start_outside_the_shift(patrol, grid_worker):
    with pytest.raises(PatrolError, match="不在班次时间内"):
        routes.start(grid_worker, patrol.shift, now=patrol.shift.ends_at + timedelta(minutes=1))
    assert not Route.objects.exists()


def test_positions_after_the_shift_ended_are_refused_all_together(patrol, grid_worker):
    route = routes.start(grid_worker, patrol.shift)
    after = patrol.shift.ends_at + timedelta(minutes=5)
    with pytest.raises(PatrolError, match="第 2 个轨迹点的时间不在记录期间"):
        routes.record(grid_worker, route, [(timezone.now(), 109.705, 38.285), (after, 109.705, 38.286)], now=after)
    assert not RoutePoint.objects.exists()


def test_only_a_member_on_the_shift_records_and_only_their_own_route(patrol, grid_worker, yulin):
    other = factories.staff_with_role("grid_worker", area=yulin["grid_a"], username="another_worker")
    with pytest.raises(PatrolError, match="不在这个班次的当班队员中"):
        routes.start(other, patrol.shift)
    route = routes.start(grid_worker, patrol.shift)
    with pytest.raises(PatrolError, match="只能记录自己的轨迹"):
        routes.record(other, route, [(timezone.now(), 109.705, 38.285)])


def test_the_page_starts_and_stops_the_route(client, patrol, grid_worker):
    client.force_login(grid_worker)
    client.post(f"/patrols/shifts/{patrol.shift.pk}/route/")
    route = Route.objects.get()
    assert "停止记录" in client.get(f"/patrols/shifts/{patrol.shift.pk}/").content.decode()
    client.post(f"/patrols/routes/{route.pk}/stop/")
    route.refresh_from_db()
    assert route.stopped_at is not None
