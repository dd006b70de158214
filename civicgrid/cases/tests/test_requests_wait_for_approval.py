"""作废, 回退, 延时, 挂账: the request waits; whoever may take the step approves or refuses it."""

import pytest

from civicgrid.cases.choices import ApprovalStatus, AssignmentStatus, Status
from civicgrid.cases.models import Approval
from civicgrid.cases.services import decide, transition
from civicgrid.cases.workflow import InvalidInput, NotAllowed


def test_a_void_request_changes_nothing_until_the_shift_lead_approves(loop):
    loop.act("request_void", "intake_clerk", note="重复来电")
    assert loop.case.status == Status.REPORTED
    approval = Approval.objects.get(case=loop.case)
    with pytest.raises(NotAllowed):
        decide(approval, True, loop.people["township_dispatcher"])
    decide(approval, True, loop.people["shift_lead"], note="同意")
    loop.case.refresh_from_db()
    approval.refresh_from_db()
    assert loop.case.status == Status.VOIDED and approval.status == ApprovalStatus.APPROVED
    assert approval.decided_by == loop.people["shift_lead"]


def test_a_second_request_of_the_same_kind_waits_for_the_first(loop):
    loop.act("request_void", "intake_clerk", note="重复来电")
    with pytest.raises(InvalidInput, match="待审批"):
        loop.act("request_void", "intake_clerk", note="再次申请")


def test_a_refused_request_leaves_the_case_where_it_was(loop):
    loop.to("dispatched")
    loop.act("request_return", "department_handler", note="不属于本部门", assignment=loop.assignment())
    approval = Approval.objects.get(case=loop.case)
    event = decide(approval, False, loop.people["township_dispatcher"], note="属于贵部门职责")
    approval.refresh_from_db()
    assert event.action == "refuse" and approval.status == ApprovalStatus.REFUSED
    assert loop.assignment().status == AssignmentStatus.DISPATCHED
    with pytest.raises(InvalidInput, match="已被处理"):
        decide(approval, True, loop.people["township_dispatcher"])


def test_an_approved_return_of_the_lead_sends_the_case_back_for_dispatch(loop):
    loop.to("dispatched")
    loop.act("request_return", "department_handler", note="不属于本部门", assignment=loop.assignment())
    decide(Approval.objects.get(case=loop.case), True, loop.people["township_dispatcher"])
    loop.case.refresh_from_db()
    assert loop.assignment().status == AssignmentStatus.RETURNED and loop.case.status == Status.REGISTERED
    assert loop.case.due_at is not None


def test_an_approved_extension_moves_the_assignments_due_time(loop):
    loop.to("accepted")
    due = loop.assignment().due_at
    loop.act("request_extension", "department_handler", note="需采购配件", amount=2, assignment=loop.assignment())
    decide(Approval.objects.get(case=loop.case), True, loop.people["shift_lead"])
    assert loop.assignment().due_at > due and loop.assignment().extensions == 1


def test_an_extension_beyond_thirty_days_is_refused(loop):
    loop.to("accepted")
    with pytest.raises(InvalidInput, match="1 到 30"):
        loop.act("request_extension", "department_handler", note="久", amount=31, assignment=loop.assignment())


def test_escalation_hands_the_case_to_the_county_centre(loop, yulin):
    loop.to("registered")
    loop.act("escalate", "township_dispatcher", note="涉及多个街道")
    assert loop.case.centre_area == yulin["county"]
    with pytest.raises(NotAllowed):
        loop.act("dispatch", "township_dispatcher", lead=loop.lead.pk)


def test_an_unsatisfied_callback_on_a_self_resolved_case_sends_it_to_dispatch(loop):
    from civicgrid.testing import factories

    transition(loop.case, "self_resolve", loop.people["grid_worker"], note="当场清理", files=[factories.jpeg()])
    transition(loop.case, "callback", "resident", satisfaction="unsatisfied", note="没有清理干净")
    loop.case.refresh_from_db()
    assert loop.case.status == Status.REGISTERED and loop.case.rework_count == 1


def test_a_void_request_is_approved_without_a_note_of_its_own(loop):
    loop.act("request_void", "intake_clerk", note="重复来电")
    decide(Approval.objects.get(case=loop.case), True, loop.people["shift_lead"])
    loop.case.refresh_from_db()
    assert loop.case.status == Status.VOIDED and loop.case.events.last().note == "重复来电"


def test_a_request_about_work_that_has_moved_on_lapses(loop):
    loop.to("accepted")
    loop.act("request_extension", "department_handler", note="需采购配件", amount=2, assignment=loop.assignment())
    loop.act("handle", "department_handler", note="已处理", assignment=loop.assignment())
    assert Approval.objects.get(case=loop.case).status == ApprovalStatus.LAPSED
