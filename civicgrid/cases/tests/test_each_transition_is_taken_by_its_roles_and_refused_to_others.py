"""Every row of the transition table, taken by a role it names and refused to one it does not."""

import pytest

from civicgrid.cases.choices import Status
from civicgrid.cases.models import CaseEvent
from civicgrid.cases.workflow import RESIDENT, NotAllowed
from civicgrid.testing import factories

D, D2 = "department_handler", "second_department_handler"

# action, state to bring the case to, who may, who may not, parameters, whose assignment
CASES = [
    ("register", "reported", "intake_clerk", "department_handler", {}, None),
    ("request_void", "reported", "intake_clerk", "grid_worker", {"note": "重复来电"}, None),
    ("void", "registered", "shift_lead", "intake_clerk", {"note": "恶意来电"}, None),
    ("self_resolve", "reported", "grid_worker", "intake_clerk", {"note": "已当场清理", "files": "photo"}, None),
    ("dispatch", "registered", "township_dispatcher", "intake_clerk", {"lead": "lead"}, None),
    ("summon", "dispatched", "shift_lead", "department_handler", {"co": "third", "note": "需要住建协助"}, None),
    ("escalate", "registered", "township_dispatcher", "grid_worker", {"note": "涉及多个街道"}, None),
    ("accept", "dispatched", D, D2, {}, D),
    ("request_return", "dispatched", D, "township_dispatcher", {"note": "不属于本部门职责"}, D),
    ("return", "dispatched", "township_dispatcher", D, {}, D),
    ("handle", "accepted", D, D2, {"note": "已清理"}, D),
    ("request_extension", "accepted", D, "grid_worker", {"note": "需采购配件", "amount": 2}, D),
    ("extend", "accepted", "shift_lead", D, {"amount": 2}, D),
    ("request_suspension", "dispatched", D, "grid_worker", {"note": "等待法院判决"}, None),
    ("suspend", "dispatched", "shift_lead", "township_dispatcher", {}, None),
    ("verify", "handled", "grid_worker", "township_dispatcher", {}, None),
    ("reject", "handled", "grid_worker", D, {"note": "现场仍有垃圾"}, None),
    ("close", "verified", "shift_lead", "grid_worker", {}, None),
    ("rework", "verified", "shift_lead", "township_dispatcher", {"note": "照片不清"}, None),
    ("callback", "closed", "resident", "grid_worker", {"satisfaction": "satisfied"}, None),
    ("callback", "closed", "intake_clerk", D, {"satisfaction": "basically"}, None),
    ("supervise", "dispatched", "leader", "intake_clerk", {"note": "请加快"}, None),
    ("remind", "dispatched", "township_dispatcher", "grid_worker", {}, None),
]


def _params(loop, params):
    values = dict(params)
    if values.get("files") == "photo":
        values["files"] = [factories.jpeg()]
    if values.get("lead") == "lead":
        values["lead"] = loop.lead.pk
    if values.get("co") == "third":
        third = factories.DepartmentFactory(area=loop.lead.area, served_areas=[loop.lead.area])
        values["co"] = [third.pk]
    return values


def _actor(loop, who):
    return RESIDENT if who == "resident" else loop.people[who]


@pytest.mark.parametrize(("action", "state", "allowed", "refused", "params", "on"), CASES,
                         ids=[f"{c[0]}-by-{c[2]}" for c in CASES])
def test_the_role_the_table_names_may_take_the_step(loop, action, state, allowed, refused, params, on):
    from civicgrid.cases.services import transition

    loop.to(state)
    assignment = loop.assignment(on) if on else None
    event = transition(loop.case, action, _actor(loop, allowed), assignment=assignment, **_params(loop, params))
    assert event.action == action and CaseEvent.objects.filter(pk=event.pk).exists()


@pytest.mark.parametrize(("action", "state", "allowed", "refused", "params", "on"), CASES,
                         ids=[f"{c[0]}-by-{c[3]}" for c in CASES])
def test_a_role_the_table_does_not_name_is_refused_and_nothing_changes(loop, action, state, allowed, refused,
                                                                         params, on):
    from civicgrid.cases.services import transition

    loop.to(state)
    before = (loop.case.status, loop.case.version, CaseEvent.objects.count())
    assignment = loop.assignment(on) if on else None
    with pytest.raises(NotAllowed, match="没有权限"):
        transition(loop.case, action, _actor(loop, refused), assignment=assignment, **_params(loop, params))
    loop.case.refresh_from_db()
    assert (loop.case.status, loop.case.version, CaseEvent.objects.count()) == before


def test_a_dispatcher_of_another_township_is_refused_on_this_townships_case(loop):
    from civicgrid.cases.services import transition

    with pytest.raises(NotAllowed):
        transition(loop.case, "register", loop.people["outsider"])
    assert loop.case.status == Status.REPORTED
