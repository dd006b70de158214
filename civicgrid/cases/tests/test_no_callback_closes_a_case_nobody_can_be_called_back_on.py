"""无需回访: a closed case whose reporter left no phone (a grid worker's own finding, an anonymous report without one)
is finished with a reason instead of waiting at 待回访 forever; while a phone is on record it is refused."""

import pytest
from django.urls import reverse

from civicgrid.cases.intake import file_case
from civicgrid.cases.models import CaseEvent, CaseFollower
from civicgrid.cases.services import transition
from civicgrid.cases.timeline import explanations, public_timeline
from civicgrid.cases.workflow import InvalidInput, NotAllowed, WrongState
from civicgrid.notifications.models import Notice
from civicgrid.testing import factories


@pytest.fixture
def found(loop, grid_worker, street_litter):
    """The loop's case as the grid worker's own finding: no name, no phone, filed on the grid channel."""
    case = file_case(factories.report(street_litter, channel="grid_worker", reporter_name="", reporter_phone=""),
                     grid_worker)
    loop.case = case
    return loop


def test_a_grid_workers_own_finding_is_closed_without_a_callback_with_the_reason(
        found, intake_clerk, grid_worker, django_capture_on_commit_callbacks):
    found.to("closed")
    with django_capture_on_commit_callbacks(execute=True):
        found.act("no_callback", intake_clerk, note="网格员巡查发现，无诉求人")
    event = CaseEvent.objects.get(case=found.case, action="no_callback")
    assert (found.case.status, event.from_status, event.note) == ("no_callback", "closed", "网格员巡查发现，无诉求人")
    assert found.case.get_status_display() == "无需回访"
    assert [row["action"] for row in public_timeline(found.case)][-1] == "无需回访"
    assert explanations()[found.case.status] == "已办结。"
    assert Notice.objects.filter(recipient=grid_worker, case=found.case, text__contains="无需回访").exists()


def test_the_case_page_offers_it_with_a_required_reason(client, found, intake_clerk):
    found.to("closed")
    client.force_login(intake_clerk)
    page = client.get(reverse("cases:detail", args=[found.case.number])).content.decode()
    assert 'data-action="no_callback"' in page and 'data-action="callback"' in page
    client.post(reverse("cases:act", args=[found.case.number]), {"action": "no_callback",
                                                                 "version": found.case.version})
    found.case.refresh_from_db()
    assert found.case.status == "closed"
    with pytest.raises(InvalidInput, match="须填写说明"):
        found.act("no_callback", intake_clerk)


def test_a_case_whose_reporter_left_a_phone_must_be_called_back(client, loop, intake_clerk):
    loop.to("closed")
    with pytest.raises(WrongState, match="留有联系电话，请电话回访"):
        loop.act("no_callback", intake_clerk, note="联系不上")
    client.force_login(intake_clerk)
    page = client.get(reverse("cases:detail", args=[loop.case.number])).content.decode()
    assert 'data-action="callback"' in page and 'data-action="no_callback"' not in page
    assert loop.case.status == "closed"


def test_an_anonymous_report_with_a_phone_or_a_merged_reporter_with_one_is_called_back(found, intake_clerk,
                                                                                      street_litter):
    duplicate = file_case(factories.report(street_litter, anonymous=True, reporter_phone="13700001111"))
    CaseFollower.objects.create(case=found.case, source=duplicate, phone=duplicate.reporter_phone)
    found.to("closed")
    with pytest.raises(WrongState):
        found.act("no_callback", intake_clerk, note="无法回访")


def test_only_centre_staff_close_without_a_callback_and_only_once_it_is_closed(found, intake_clerk, grid_worker):
    found.to("verified")
    with pytest.raises(WrongState):
        found.act("no_callback", intake_clerk, note="无诉求人")
    found.act("close", "shift_lead")
    with pytest.raises(NotAllowed):
        transition(found.case, "no_callback", grid_worker, note="无诉求人")
    found.act("no_callback", intake_clerk, note="无诉求人")
    with pytest.raises(WrongState):
        found.act("callback", intake_clerk, satisfaction="satisfied")
