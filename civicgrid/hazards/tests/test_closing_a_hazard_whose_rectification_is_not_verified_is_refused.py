"""销号 before the rectification is verified on site is refused with a sentence that says so, on the page and
through the API, and nothing changes: no event, no new version, the hazard still on the register."""

from django.urls import reverse

from civicgrid.cases.models import CaseEvent
from civicgrid.cases.services import transition
from civicgrid.cases.workflow import WrongState
from civicgrid.hazards.models import Hazard

from .conftest import graded, through_api

SENTENCE = "整改尚未经现场验收通过，不能销号"


def _ordered(case, dispatcher, field):
    case = graded(case, dispatcher, field)
    transition(case, "hazard_order", dispatcher, measures="限期更换软管")
    case.refresh_from_db()
    return case


def test_the_service_refuses_with_the_reason(hazard_case, township_dispatcher, shift_lead, gas):
    case = _ordered(hazard_case, township_dispatcher, gas)
    events = CaseEvent.objects.count()
    try:
        transition(case, "hazard_close", shift_lead)
    except WrongState as error:
        assert SENTENCE in error.message
    else:
        raise AssertionError("销号 was taken")
    case.refresh_from_db()
    assert CaseEvent.objects.count() == events and case.status == "registered"
    assert Hazard.objects.get().closed_at is None


def test_the_api_answers_with_the_reason_and_changes_nothing(client, hazard_case, township_dispatcher, shift_lead,
                                                             gas):
    case = _ordered(hazard_case, township_dispatcher, gas)
    version = case.version
    answer = through_api(client, shift_lead, case, "hazard_close")
    assert answer.status_code == 409 and SENTENCE in answer.json()["message"]
    case.refresh_from_db()
    assert case.version == version and Hazard.objects.get().closed_at is None


def test_the_page_offers_no_button_and_a_forged_post_is_told_why(client, hazard_case, township_dispatcher,
                                                                  shift_lead, gas):
    case = _ordered(hazard_case, township_dispatcher, gas)
    client.force_login(shift_lead)
    url = reverse("cases:detail", args=[case.number])
    assert 'data-action="hazard_close"' not in client.get(url).content.decode()
    page = client.post(reverse("cases:act", args=[case.number]), {"action": "hazard_close", "version": case.version},
                       follow=True).content.decode()
    assert SENTENCE in page
    case.refresh_from_db()
    assert case.status == "registered"
