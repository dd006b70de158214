import pytest

from civicgrid.cases.choices import ApprovalStatus, AssignmentStatus, Status
from civicgrid.cases.models import Approval
from civicgrid.cases.services import Decision, decide, transition
from civicgrid.cases.workflow import WrongState


def test_a_void_request_lapses_once_the_case_is_dispatched(loop):
    loop.act("request_void", "intake_clerk", note="重复来电")
    loop.to("dispatched")
    assert Approval.objects.get(case=loop.case).status == ApprovalStatus.LAPSED


def test_a_request_can_be_refused_even_after_the_case_moved_on(loop):
    loop.to("dispatched")
    loop.act("request_suspension", "township_dispatcher", note="等待判决")
    loop.act("suspend", "shift_lead")
    approval = Approval.objects.get(case=loop.case)
    decide(approval, False, loop.people["shift_lead"], note="已直接挂账")
    approval.refresh_from_db()
    assert approval.status == ApprovalStatus.REFUSED


def test_a_decision_cannot_be_slipped_into_another_step(loop):
    loop.act("request_void", "intake_clerk", note="重复来电")
    approval = Approval.objects.get(case=loop.case)
    transition(loop.case, "register", loop.people["intake_clerk"], decision=Decision(approval.pk, True, "x"))
    approval.refresh_from_db()
    assert approval.status == ApprovalStatus.PENDING


def test_a_co_department_cannot_work_on_a_voided_case(loop):
    loop.to("dispatched")
    loop.act("return", "township_dispatcher", assignment=loop.assignment())
    assert loop.case.status == Status.REGISTERED
    loop.act("void", "shift_lead", note="群众撤回")
    co = loop.assignment("second_department_handler")
    assert co.status == AssignmentStatus.CANCELLED
    with pytest.raises(WrongState):
        transition(loop.case, "accept", loop.people["second_department_handler"], assignment=co)


def test_a_suspended_case_is_not_worked_on_until_it_is_resumed(loop):
    loop.to("accepted")
    loop.act("suspend", "shift_lead")
    with pytest.raises(WrongState, match="已挂账"):
        transition(loop.case, "handle", loop.people["department_handler"], assignment=loop.assignment(), note="x")
    loop.act("resume", "shift_lead")
    loop.act("handle", "department_handler", assignment=loop.assignment(), note="已处理")
