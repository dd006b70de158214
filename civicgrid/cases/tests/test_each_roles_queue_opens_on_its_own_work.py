"""The case queue opened with no filter shows each role its own work as the chosen filter: 待派遣 for a dispatcher,
待结案 for a shift lead with the centres below theirs, 待受理 for an intake clerk, 待核查 for those who verify;
departments open on their inbox. The user may choose other filters."""

import pytest
from django.urls import reverse

from civicgrid.cases.intake import file_case
from civicgrid.cases.models import Case
from civicgrid.testing import factories


@pytest.fixture
def cases(street_litter, yulin):
    """One case of township A in each of 待受理, 待派遣, 待核查 and 待结案, and one 待结案 escalated to the county."""
    made = {status: file_case(factories.report(street_litter, title=status))
            for status in ("reported", "registered", "handled", "verified", "escalated")}
    for status, case in made.items():
        Case.objects.filter(pk=case.pk).update(status="verified" if status == "escalated" else status)
    Case.objects.filter(pk=made["escalated"].pk).update(centre_area=yulin["county"])
    return made


def opened(client, user, **params):
    client.force_login(user)
    return client.get(reverse("cases:queue"), params)


def numbers(page) -> set[str]:
    return {case.number for case in page.context["page"]}


def test_a_dispatcher_opens_on_cases_awaiting_dispatch_and_may_choose_others(client, township_dispatcher, cases):
    page = opened(client, township_dispatcher)
    assert numbers(page) == {cases["registered"].number}
    assert page.context["filters"]["status"] == "registered" and page.context["filters"]["centre"] == "mine"
    assert '<option value="registered" selected>' in page.content.decode()
    assert numbers(opened(client, township_dispatcher, status="reported")) == {cases["reported"].number}
    assert len(numbers(opened(client, township_dispatcher, status=""))) == 4


def test_a_county_shift_lead_opens_on_cases_awaiting_closure_at_every_centre_below(client, yulin, cases):
    county_lead = factories.staff_with_role("shift_lead", area=yulin["county"], username="county_lead")
    page = opened(client, county_lead)
    assert numbers(page) == {cases["verified"].number, cases["escalated"].number}
    assert page.context["filters"] == {"status": "verified", "centre": "below", "per_page": 25}
    assert '<option value="below" selected>' in page.content.decode()
    assert numbers(opened(client, county_lead, status="verified", centre="mine")) == {cases["escalated"].number}


def test_an_intake_clerk_opens_on_cases_awaiting_registration(client, intake_clerk, cases):
    assert numbers(opened(client, intake_clerk)) == {cases["reported"].number}


def test_a_grid_worker_and_an_inspector_open_on_cases_awaiting_verification(client, grid_worker, cases, yulin):
    inspector = factories.staff_with_role("inspector", area=yulin["community_a"], username="inspector")
    for verifier in (grid_worker, inspector):
        assert numbers(opened(client, verifier)) == {cases["handled"].number}


def test_a_department_opens_on_its_inbox_unless_it_asks_for_the_queue(client, department_handler, cases):
    response = opened(client, department_handler)
    assert response.status_code == 302 and response.url == reverse("cases:inbox")
    assert opened(client, department_handler, status="").status_code == 200
