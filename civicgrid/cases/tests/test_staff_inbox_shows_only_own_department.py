import pytest
from django.urls import reverse

from civicgrid.cases.intake import file_case
from civicgrid.cases.services import transition
from civicgrid.testing import factories


def department_of(handler):
    return handler.assignments.get().department


@pytest.fixture
def two_cases(street_litter, intake_clerk, township_dispatcher, department_handler, second_department_handler):
    """One case led by each department."""
    made = []
    for handler in (department_handler, second_department_handler):
        case = file_case(factories.report(street_litter, title=f"交给{department_of(handler).name}"))
        transition(case, "register", intake_clerk)
        transition(case, "dispatch", township_dispatcher, lead=department_of(handler).pk)
        case.refresh_from_db()
        made.append(case)
    return made


def test_the_inbox_lists_only_the_handlers_own_departments_assignments(client, department_handler, two_cases):
    client.force_login(department_handler)
    page = client.get(reverse("cases:inbox"))
    assert [a.case.number for a in page.context["page"]] == [two_cases[0].number]
    assert two_cases[1].number not in page.content.decode()


def test_the_inbox_offers_accept_inline_and_accepting_moves_the_row_to_in_hand(client, department_handler, two_cases):
    client.force_login(department_handler)
    page = client.get(reverse("cases:inbox"))
    row = page.context["page"].object_list[0]
    assert row.may_accept
    response = client.post(reverse("cases:act", args=[row.case.number]),
                           {"action": "accept", "assignment": row.pk, "version": row.case.version,
                            "next": reverse("cases:inbox")}, headers={"HX-Request": "true"}, follow=True)
    row.refresh_from_db()
    html = response.content.decode()
    assert row.status == "accepted"
    assert html.lstrip().startswith('<div id="inbox-results">') and "已完成“签收”" in html


def test_the_inbox_filters_by_status_with_counts(client, department_handler, two_cases):
    assignment = two_cases[0].assignments.get()
    transition(two_cases[0], "accept", department_handler, assignment=assignment)
    client.force_login(department_handler)
    page = client.get(reverse("cases:inbox"), {"status": "dispatched"})
    assert list(page.context["page"]) == []
    assert page.context["found"].status_counts == {"accepted": 1}
    assert len(client.get(reverse("cases:inbox"), {"status": "accepted"}).context["page"].object_list) == 1


def test_a_centre_dispatcher_has_an_empty_inbox(client, township_dispatcher, two_cases):
    client.force_login(township_dispatcher)
    page = client.get(reverse("cases:inbox"))
    assert list(page.context["page"]) == [] and "您不属于任何部门" in page.content.decode()
