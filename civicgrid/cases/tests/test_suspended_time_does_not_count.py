"""挂账: while a case is suspended its clocks stand still; resuming gives the time back."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from civicgrid.cases import sweep
from civicgrid.cases.intake import file_case
from civicgrid.cases.services import transition
from civicgrid.cases.workflow import WrongState
from civicgrid.core.services import seed_calendar
from civicgrid.testing import factories

SHANGHAI = ZoneInfo("Asia/Shanghai")


def at(day: int, hour: int) -> datetime:
    return datetime(2026, 3, day, hour, tzinfo=SHANGHAI)


@pytest.fixture
def dispatched(db, yulin, intake_clerk, township_dispatcher, department_handler, shift_lead):
    seed_calendar([2026])
    factories.category("03", "市容环境", limits={"handle": (1, "work_days")})
    case = file_case(factories.report(factories.category("03.001", "暴露垃圾")), now=at(3, 8))
    transition(case, "register", intake_clerk, now=at(3, 8))
    transition(case, "dispatch", township_dispatcher, lead=department_handler.assignments.get().department.pk,
               now=at(3, 9))
    case.refresh_from_db()
    return case


def test_resuming_moves_every_due_time_on_by_the_working_time_spent_suspended(dispatched, shift_lead):
    assert dispatched.assignments.get().due_at == at(4, 18)
    transition(dispatched, "suspend", shift_lead, now=at(3, 10))
    transition(dispatched, "resume", shift_lead, now=at(5, 10))
    # 13.5 working hours were left at Tue 10:00; counted again from Thu 10:00 they end Fri 18:00.
    assert dispatched.assignments.get().due_at == at(6, 18)
    dispatched.refresh_from_db()
    assert dispatched.due_at == at(6, 18) and dispatched.suspended_at is None


def test_the_sweep_does_not_mark_a_suspended_case_overdue(dispatched, shift_lead):
    transition(dispatched, "suspend", shift_lead, now=at(3, 10))
    result = sweep.run(now=at(10, 10))
    assert (result["cases"], result["assignments"]) == (0, 0)


def test_a_case_cannot_be_suspended_twice_or_resumed_when_running(dispatched, shift_lead):
    with pytest.raises(WrongState, match="未挂账"):
        transition(dispatched, "resume", shift_lead)
    transition(dispatched, "suspend", shift_lead)
    with pytest.raises(WrongState, match="已挂账"):
        transition(dispatched, "suspend", shift_lead)
