"""补充说明: the resident and any staff member in reach of an open case may add a remark; nothing moves,
the timeline records it, residents do not see its text; a finished case takes none. A remark is not a
step of the loop, so it is not offered among the step buttons."""

import pytest

from civicgrid.cases.models import CaseEvent
from civicgrid.cases.timeline import public_timeline
from civicgrid.cases.workflow import RESIDENT, NotAllowed, WrongState, available


@pytest.mark.parametrize("who", ["resident", "intake_clerk", "grid_worker", "leader", "department_handler"])
def test_those_in_reach_may_add_a_remark_that_keeps_the_state(loop, who):
    loop.to("dispatched")
    before = loop.case.status
    event = loop.act("comment", RESIDENT if who == "resident" else who, note="现场又有新垃圾")
    assert (event.action, event.from_status, event.to_status, loop.case.status) == ("comment", before, before, before)


def test_one_out_of_reach_is_refused(loop):
    with pytest.raises(NotAllowed):
        loop.act("comment", "outsider", note="看看")
    with pytest.raises(NotAllowed):
        loop.act("comment", "second_department_handler", note="还没派给我们")  # no assignment yet


def test_a_remark_needs_text_and_an_open_case(loop):
    from civicgrid.cases.workflow import InvalidInput

    with pytest.raises(InvalidInput):
        loop.act("comment", RESIDENT, note=" ")
    loop.to("closed")
    with pytest.raises(WrongState):
        loop.act("comment", RESIDENT, note="谢谢")
    assert not CaseEvent.objects.filter(action="comment").exists()


def test_a_suspended_case_still_takes_a_remark(loop):
    loop.to("dispatched")
    loop.case.suspended_at = loop.case.reported_at
    loop.case.save()
    assert loop.act("comment", "township_dispatcher", note="等待判决中").action == "comment"


def test_residents_do_not_see_the_text_of_a_remark(loop):
    loop.act("comment", "intake_clerk", note="内部备注：来电人情绪激动")
    assert all("内部备注" not in str(item) for item in public_timeline(loop.case))
    assert all(row.action != "comment" for row, _a in available(loop.people["intake_clerk"], loop.case))
