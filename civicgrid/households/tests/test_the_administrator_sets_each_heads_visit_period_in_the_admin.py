"""走访周期 are rows the administrator edits in the admin, one per head role, seeded with the defaults; a period
of less than a day is refused."""

from civicgrid.households.models import VisitPeriod
from civicgrid.households.services import periods
from civicgrid.testing import factories


def test_the_administrator_changes_the_building_heads_period(client, yulin):
    admin = factories.StaffFactory(username="root", is_staff=True, is_superuser=True)
    client.force_login(admin)
    # Seeded by the migration; made again after a test that empties the tables (a transactional one).
    period, _made = VisitPeriod.objects.get_or_create(role="building_head", defaults={"days": 30})
    assert client.get("/admin/households/visitperiod/").status_code == 200
    response = client.post(f"/admin/households/visitperiod/{period.pk}/change/", {"role": "building_head", "days": 14})
    assert response.status_code == 302
    assert periods()["building_head"] == 14



def test_a_period_below_one_day_is_refused(client, yulin):
    admin = factories.StaffFactory(username="root", is_staff=True, is_superuser=True)
    client.force_login(admin)
    period, _made = VisitPeriod.objects.get_or_create(role="floor_head", defaults={"days": 30})
    response = client.post(f"/admin/households/visitperiod/{period.pk}/change/", {"role": "floor_head", "days": 0})
    assert response.status_code == 200
    period.refresh_from_db()
    assert period.days == 30
