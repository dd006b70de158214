"""走访周期 are rows the administrator edits in the admin, one per head role, seeded with the defaults."""

from civicgrid.households.models import VisitPeriod
from civicgrid.households.services import periods
from civicgrid.testing import factories


def test_the_administrator_changes_the_building_heads_period(client, yulin):
    admin = factories.StaffFactory(username="root", is_staff=True, is_superuser=True)
    client.force_login(admin)
    period = VisitPeriod.objects.get(role="building_head")
    assert client.get("/admin/households/visitperiod/").status_code == 200
    response = client.post(f"/admin/households/visitperiod/{period.pk}/change/", {"role": "building_head", "days": 14})
    assert response.status_code == 302
    assert periods()["building_head"] == 14


def test_every_head_role_has_a_seeded_period(db):
    assert set(VisitPeriod.objects.values_list("role", "days")) >= {("building_head", 30), ("floor_head", 30),
                                                                     ("grid_head", 60), ("precinct_head", 90)}
