"""A visit is recorded with its notes, and each need found on it becomes, in the same step, a request case at
the resident's grid, filed on the grid channel with the resident as reporter and without the programme's
name; the routing rules name the department it goes to, and the record shows it. The next visit falls due
one period after the visit."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from civicgrid.care import services
from civicgrid.cases.models import Case, RoutingRule
from civicgrid.testing import factories


@pytest.fixture
def relief(db):
    """民政 › 社会救助 › 医疗救助, routed in township A to its civil-affairs office."""
    factories.category("07", "民政", kind="request", limits={"register": (2, "work_hours")})
    factories.category("07.01", "社会救助", kind="request")
    return factories.category("07.01.001", "医疗救助", kind="request")


@pytest.fixture
def civil_affairs(yulin, relief):
    department = factories.DepartmentFactory(name="鼓楼街道民政办", area=yulin["township_a"],
                                             served_areas=[yulin["township_a"]])
    RoutingRule.objects.create(category=relief.parent, area_prefix=yulin["township_a"].code,
                               lead_department=department)
    return department


def test_each_need_is_a_request_case_at_the_residents_grid(grid_worker, enrolment, relief, civil_affairs, yulin):
    visited = timezone.now() - timedelta(hours=1)
    visit = services.record_visit(grid_worker, enrolment, services.VisitIn(visited, "老人腿疼，行动不便。", [
        services.NeedIn(relief, "申请医疗救助，购买助行器"), services.NeedIn(relief, "需要上门康复指导")]))
    cases = [need.case for need in visit.needs.order_by("pk")]
    assert [case.title for case in cases] == ["申请医疗救助，购买助行器", "需要上门康复指导"]
    for case in cases:
        assert (case.kind, case.category, case.area, case.channel, case.status) == (
            "request", relief, yulin["grid_a"], "grid_worker", "reported")
        assert (case.reporter_name, case.reporter_phone) == ("王秀英", "13912345678")
        assert "1号楼" in case.address and "独居" not in case.title + case.description + case.address
    assert set(services.routes(list(visit.needs.all())).values()) == {"鼓楼街道民政办"}


def test_the_next_visit_is_due_one_period_after_the_latest_visit(grid_worker, enrolment):
    visited = timezone.now() - timedelta(hours=1)
    services.record_visit(grid_worker, enrolment, services.VisitIn(visited, "一切正常。"))
    services.record_visit(grid_worker, enrolment, services.VisitIn(visited - timedelta(hours=5), "补录一次。"))
    enrolment.refresh_from_db()
    assert enrolment.last_visited_at == visited
    assert enrolment.next_visit_on == timezone.localdate(visited) + timedelta(days=7)


def test_the_page_files_the_need_and_shows_the_department(client, grid_worker, enrolment, relief, civil_affairs):
    client.force_login(grid_worker)
    when = timezone.localtime() - timedelta(minutes=5)
    response = client.post(reverse("care:visit", args=[enrolment.pk]), {
        "visited_at": when.strftime("%Y-%m-%dT%H:%M"), "notes": "送米面油。",
        "need-1-category": relief.pk, "need-1-description": "申请临时救助"}, follow=True)
    case = Case.objects.get()
    html = response.content.decode()
    assert case.title == "申请临时救助" and case.number in html and "鼓楼街道民政办" in html
