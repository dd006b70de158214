import pytest

from civicgrid.cases.choices import Status
from civicgrid.cases.models import CaseEvent
from civicgrid.cases.services import transition
from civicgrid.cases.workflow import InvalidInput, StaleCase, WrongState


def snapshot(case):
    case.refresh_from_db()
    return case.status, case.version, CaseEvent.objects.filter(case=case).count()


def test_a_page_showing_an_older_version_is_told_to_refresh(loop):
    old_version = loop.case.version
    loop.to("registered")
    before = snapshot(loop.case)
    with pytest.raises(StaleCase, match="页面已过期"):
        transition(loop.case, "dispatch", loop.people["township_dispatcher"], version=old_version, lead=loop.lead.pk)
    assert snapshot(loop.case) == before


def test_closing_a_case_that_is_not_verified_is_refused_with_its_state_named(loop):
    before = snapshot(loop.case)
    with pytest.raises(WrongState, match="待受理"):
        transition(loop.case, "close", loop.people["shift_lead"])
    assert snapshot(loop.case) == before


def test_a_step_missing_its_note_or_photo_is_refused(loop):
    with pytest.raises(InvalidInput, match="现场照片"):
        transition(loop.case, "self_resolve", loop.people["grid_worker"], note="已处理")
    with pytest.raises(InvalidInput, match="须填写说明"):
        transition(loop.case, "request_void", loop.people["intake_clerk"])
    assert loop.case.status == Status.REPORTED


def test_dispatching_to_a_department_that_does_not_serve_the_area_is_refused(loop, yulin):
    from civicgrid.testing import factories

    loop.to("registered")
    elsewhere = factories.DepartmentFactory(area=yulin["township_b"], served_areas=[yulin["township_b"]])
    with pytest.raises(InvalidInput, match="不负责"):
        transition(loop.case, "dispatch", loop.people["township_dispatcher"], lead=elsewhere.pk)
    assert snapshot(loop.case)[0] == Status.REGISTERED and not loop.case.assignments.exists()


def test_an_over_long_note_is_refused_with_the_limit_named(loop):
    with pytest.raises(InvalidInput, match="最多 1000 个字"):
        transition(loop.case, "register", loop.people["intake_clerk"], note="很" * 1001)
