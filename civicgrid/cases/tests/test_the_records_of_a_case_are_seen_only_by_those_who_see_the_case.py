"""Assignments, approvals, timeline events, files and followers hang off a case and declare its scope path
(``case__area_code``): ``restrict`` shows them to whoever sees the case and to no one else."""

import pytest

from civicgrid.cases.models import Approval, Assignment, Attachment, CaseEvent, CaseFollower
from civicgrid.testing import factories

RECORDS = [Assignment, Approval, CaseEvent, Attachment]


@pytest.fixture
def worked_case(loop):
    """A dispatched case with a photo from the lead department and a pending suspension request."""
    loop.to("accepted")
    loop.act("handle", "department_handler", assignment=loop.assignment(), note="已清理", files=[factories.jpeg()])
    loop.act("request_suspension", "township_dispatcher", note="等待法院判决")
    return loop


@pytest.mark.parametrize("model", RECORDS, ids=lambda model: model.__name__)
def test_staff_whose_scope_holds_the_case_see_its_records(worked_case, model):
    dispatcher = worked_case.people["township_dispatcher"]
    assert model.objects.restrict(dispatcher).filter(case=worked_case.case).exists()


@pytest.mark.parametrize("model", RECORDS, ids=lambda model: model.__name__)
def test_an_outsider_sees_none_of_them(worked_case, model):
    assert model.objects.filter(case=worked_case.case).exists()
    assert not model.objects.restrict(worked_case.people["outsider"]).exists()


@pytest.mark.parametrize("model", RECORDS, ids=lambda model: model.__name__)
def test_an_anonymous_visitor_sees_none_of_them(worked_case, model):
    assert not model.objects.restrict(factories.AnonymousUser()).exists()


def test_a_merged_reports_follower_is_seen_with_the_original(reported_case, street_litter, intake_clerk, outsider):
    from civicgrid.cases.intake import file_case
    from civicgrid.cases.services import transition

    duplicate = file_case(factories.report(street_litter, reporter_name="李四", reporter_phone="13900001111"))
    transition(duplicate, "merge", intake_clerk, original=reported_case.number)
    assert list(CaseFollower.objects.restrict(intake_clerk).values_list("name", flat=True)) == ["李四"]
    assert not CaseFollower.objects.restrict(outsider).exists()
