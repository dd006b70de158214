from datetime import timedelta

from django.test import override_settings
from django.utils import timezone

from civicgrid.patrols import routes
from civicgrid.patrols.models import Route


def old_route(patrol, days: int) -> Route:
    route = routes.start(patrol.member.staff, patrol.shift)
    Route.objects.filter(pk=route.pk).update(started_at=timezone.now() - timedelta(days=days))
    return route


def test_a_route_91_days_old_is_a_404_on_the_api_and_the_page_before_any_sweep(api, client, patrol, grid_worker,
                                                                                 township_dispatcher):
    route = old_route(patrol, 91)
    assert api(grid_worker, "get", f"/patrols/routes/{route.pk}").status_code == 404
    client.force_login(township_dispatcher)
    assert client.get(f"/patrols/routes/{route.pk}/").status_code == 404
    assert Route.objects.filter(pk=route.pk).exists()  # still in the table until the sweep, yet gone for everyone


def test_a_route_89_days_old_is_still_there(api, patrol, grid_worker):
    route = old_route(patrol, 89)
    assert api(grid_worker, "get", f"/patrols/routes/{route.pk}").status_code == 200


@override_settings(CIVICGRID_PATROL_ROUTE_RETENTION_D=7)
def test_the_retention_is_the_administrators(api, patrol, grid_worker):
    route = old_route(patrol, 8)
    assert api(grid_worker, "get", f"/patrols/routes/{route.pk}").status_code == 404


def test_outside_scope_a_route_is_a_404(client, patrol, outsider):
    route = routes.start(patrol.member.staff, patrol.shift)
    client.force_login(outsider)
    assert client.get(f"/patrols/routes/{route.pk}/").status_code == 404
