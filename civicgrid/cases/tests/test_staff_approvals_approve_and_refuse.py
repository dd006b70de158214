import pytest
from django.urls import reverse

from civicgrid.cases.models import Approval
from civicgrid.cases.services import transition


@pytest.fixture
def extension_request(reported_case, intake_clerk, township_dispatcher, department_handler):
    """The department asks for 3 more working days on its assignment."""
    case = reported_case
    transition(case, "register", intake_clerk)
    transition(case, "dispatch", township_dispatcher, lead=department_handler.assignments.get().department_id)
    assignment = case.assignments.get()
    transition(case, "request_extension", department_handler, assignment=assignment, note="需采购配件", amount=3)
    return Approval.objects.get(case=case, kind="extension")


def decide(client, approval, decision, note=""):
    approval.case.refresh_from_db()
    return client.post(reverse("cases:decide", args=[approval.pk]),
                       {"decision": decision, "note": note, "version": approval.case.version}, follow=True)


def test_the_dispatcher_sees_the_request_and_may_decide_it(client, township_dispatcher, extension_request):
    client.force_login(township_dispatcher)
    rows = list(client.get(reverse("cases:approvals")).context["page"])
    assert [(a.pk, a.may_decide) for a in rows] == [(extension_request.pk, True)]


def test_approving_extends_the_assignment(client, township_dispatcher, extension_request):
    client.force_login(township_dispatcher)
    due_before = extension_request.assignment.due_at
    page = decide(client, extension_request, "approve", "同意延时")
    extension_request.refresh_from_db()
    assignment = extension_request.assignment
    assert extension_request.status == "approved" and extension_request.decided_by == township_dispatcher
    assert assignment.extensions == 1 and assignment.due_at > due_before
    assert "已同意" in page.content.decode()
    assert list(page.context["page"]) == []


def test_refusing_leaves_the_deadline_alone(client, township_dispatcher, extension_request):
    client.force_login(township_dispatcher)
    due_before = extension_request.assignment.due_at
    decide(client, extension_request, "refuse", "时限充足")
    extension_request.refresh_from_db()
    assert extension_request.status == "refused" and extension_request.decision_note == "时限充足"
    assert extension_request.assignment.extensions == 0 and extension_request.assignment.due_at == due_before


def test_the_department_that_asked_does_not_see_it_to_decide(client, department_handler, extension_request):
    client.force_login(department_handler)
    assert list(client.get(reverse("cases:approvals")).context["page"]) == []


def test_a_department_handler_posting_a_decision_is_refused(client, department_handler, extension_request):
    client.force_login(department_handler)
    page = decide(client, extension_request, "approve")
    extension_request.refresh_from_db()
    assert extension_request.status == "pending" and "您没有权限" in page.content.decode()


def test_an_outsider_gets_404_for_a_decision(client, outsider, extension_request):
    client.force_login(outsider)
    assert decide(client, extension_request, "approve").status_code == 404
    extension_request.refresh_from_db()
    assert extension_request.status == "pending"


def test_a_void_request_goes_to_the_shift_lead_not_the_dispatcher(client, intake_clerk, township_dispatcher,
                                                                  shift_lead, reported_case):
    transition(reported_case, "request_void", intake_clerk, note="重复报送")
    client.force_login(township_dispatcher)
    assert list(client.get(reverse("cases:approvals")).context["page"]) == []
    client.force_login(shift_lead)
    (row,) = client.get(reverse("cases:approvals")).context["page"]
    assert row.kind == "void" and row.may_decide
