from datetime import timedelta

from civicgrid.cases import sweep
from civicgrid.cases.choices import Status
from civicgrid.cases.workflow import RESIDENT
from civicgrid.testing import factories


def test_the_lead_department_follows_dispatch_and_leads_nothing_after_a_return(loop):
    loop.to("dispatched")
    assert loop.case.lead_department == loop.lead
    loop.act("return", "township_dispatcher", assignment=loop.assignment(), note="不属于本部门职责")
    assert loop.case.lead_department is None
    third = factories.DepartmentFactory(area=loop.lead.area, served_areas=[loop.lead.area])
    loop.act("dispatch", "township_dispatcher", lead=third.pk)
    assert loop.case.lead_department == third


def test_a_case_marked_overdue_stays_late_after_its_next_stage_starts(loop):
    loop.to("registered")
    sweep.run(now=loop.case.due_at + timedelta(hours=1))
    loop.case.refresh_from_db()
    assert loop.case.overdue and loop.case.late
    loop._dispatched()
    assert not loop.case.overdue and loop.case.late


def test_working_time_is_kept_when_resolved_and_dropped_on_rework(loop):
    loop.to("closed")
    assert loop.case.working_minutes is not None
    loop.act("callback", RESIDENT, satisfaction="unsatisfied")
    assert loop.case.status == Status.DISPATCHED and loop.case.working_minutes is None
