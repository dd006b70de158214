from civicgrid.core.models import AccessLog
from civicgrid.patrols import routes


def test_the_dispatcher_reading_the_members_route_is_logged_and_the_member_reading_their_own_is_not(
        client, api, patrol, grid_worker, township_dispatcher):
    route = routes.start(grid_worker, patrol.shift)
    client.force_login(grid_worker)
    assert client.get(f"/patrols/routes/{route.pk}/").status_code == 200
    assert not AccessLog.objects.exists()
    client.force_login(township_dispatcher)
    assert client.get(f"/patrols/routes/{route.pk}/").status_code == 200
    assert api(township_dispatcher, "get", f"/patrols/routes/{route.pk}").status_code == 200
    logged = AccessLog.objects.order_by("pk")
    assert [(entry.username, entry.record_type, entry.record_key, entry.via) for entry in logged] == [
        ("dispatcher", "patrols.route", str(route.pk), "page"), ("dispatcher", "patrols.route", str(route.pk), "api")]
