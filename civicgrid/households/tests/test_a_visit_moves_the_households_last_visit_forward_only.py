"""Recording a visit keeps the household's last visit: a later visit moves it on, one entered late for an
earlier day leaves it; a visit to a unit as a whole touches no household."""

from datetime import timedelta

from django.utils import timezone

from civicgrid.households.models import Visit
from civicgrid.households.services import VisitDraft, record_visit
from civicgrid.testing.households import household


def test_a_later_visit_moves_the_last_visit_and_an_earlier_one_leaves_it(heads, units):
    found = household(units["floor"], "101")
    now = timezone.now()
    record_visit(heads["floor_head"], VisitDraft(household=found, visited_at=now - timedelta(days=2), found="正常"))
    record_visit(heads["floor_head"], VisitDraft(household=found, visited_at=now - timedelta(days=9)))
    found.refresh_from_db()
    assert found.last_visited_at == now - timedelta(days=2)
    assert list(found.visits.values_list("visitor__username", flat=True)) == ["loucengzhang", "loucengzhang"]


def test_a_visit_to_a_unit_as_a_whole_names_the_unit_and_no_household(heads, units):
    found = household(units["floor"], "101")
    made = record_visit(heads["building_head"], VisitDraft(unit=units["building"], visited_at=timezone.now(),
                                                          found="楼道灭火器过期"))
    found.refresh_from_db()
    assert (made.unit_code, made.household, found.last_visited_at) == (units["building"].code, None, None)


def test_a_grid_worker_records_a_visit_from_the_households_page(client, grid_worker, units):
    found = household(units["floor"], "101")
    client.force_login(grid_worker)
    at = timezone.localtime() - timedelta(hours=1)
    response = client.post(f"/households/{found.pk}/visit/", {"visited_at": at.strftime("%Y-%m-%dT%H:%M"),
                                                              "found": "老人身体健康"})
    assert response.status_code == 302 and response["Location"] == f"/households/{found.pk}/"
    visit = Visit.objects.get()
    assert (visit.visitor, visit.found, visit.case) == (grid_worker, "老人身体健康", None)
    assert "老人身体健康" in client.get(response["Location"]).content.decode()
