import pytest
from django.urls import reverse

from civicgrid.cases.services import transition


def department_of(handler):
    return handler.assignments.get().department


@pytest.fixture
def handled_case(reported_case, intake_clerk, township_dispatcher, department_handler):
    case = reported_case
    transition(case, "register", intake_clerk)
    transition(case, "dispatch", township_dispatcher, lead=department_of(department_handler).pk)
    assignment = case.assignments.get()
    transition(case, "accept", department_handler, assignment=assignment)
    transition(case, "handle", department_handler, assignment=assignment, note="已清理")
    case.refresh_from_db()
    return case


def offered(client, user, case) -> set[str]:
    client.force_login(user)
    page = client.get(reverse("cases:detail", args=[case.number]))
    assert page.status_code == 200
    return {choice.action for choice in page.context["choices"]}


def test_a_grid_worker_is_offered_verification_of_a_handled_case(client, grid_worker, handled_case):
    client.force_login(grid_worker)
    html = client.get(reverse("cases:detail", args=[handled_case.number])).content.decode()
    assert offered(client, grid_worker, handled_case) == {"verify", "reject"}
    assert 'data-action="verify"' in html and "核查通过" in html


def test_a_department_handler_is_not_offered_closing_a_verified_case(
    client, grid_worker, department_handler, shift_lead, handled_case,
):
    transition(handled_case, "verify", grid_worker)
    assert "close" not in offered(client, department_handler, handled_case)
    html = client.get(reverse("cases:detail", args=[handled_case.number])).content.decode()
    assert 'data-action="close"' not in html
    assert "close" in offered(client, shift_lead, handled_case)


def test_a_reported_case_offers_the_intake_clerk_register_void_request_and_merge(client, intake_clerk, reported_case):
    assert offered(client, intake_clerk, reported_case) == {"register", "request_void", "merge", "escalate"}
