"""Due times of a case's stages and its assignments on the working calendar, holidays and make-up days included."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from civicgrid.cases.intake import file_case
from civicgrid.cases.services import transition
from civicgrid.core.services import seed_calendar
from civicgrid.testing import factories

SHANGHAI = ZoneInfo("Asia/Shanghai")


def at(day: str, hour: int, minute: int = 0) -> datetime:
    return datetime.fromisoformat(day).replace(hour=hour, minute=minute, tzinfo=SHANGHAI)


@pytest.fixture
def three_day_category(db):
    seed_calendar([2026])
    factories.category("02", "市政设施", limits={"register": (2, "work_hours"), "handle": (3, "work_days"),
                                               "accept": (4, "work_hours")})
    return factories.category("02.001", "井盖缺失")


def test_the_register_clock_skips_the_night_and_runs_on_the_make_up_saturday(three_day_category, yulin):
    case = file_case(factories.report(three_day_category), now=at("2026-02-13", 17))
    assert case.due_at == at("2026-02-14", 9, 30)


def test_a_case_dispatched_before_the_spring_festival_is_due_after_it(
        three_day_category, yulin, intake_clerk, township_dispatcher, department_handler):
    case = file_case(factories.report(three_day_category), now=at("2026-02-13", 9))
    transition(case, "register", intake_clerk, now=at("2026-02-13", 9, 30))
    lead = department_handler.assignments.get().department
    transition(case, "dispatch", township_dispatcher, lead=lead.pk, now=at("2026-02-13", 10))
    assignment = case.assignments.get()
    # Three working days counted from the next day: Sat 14 (make-up day), Tue 24, Wed 25.
    assert assignment.due_at == at("2026-02-25", 18)
    assert assignment.accept_due_at == at("2026-02-13", 16)
    # The light turns yellow when 80 % of the working time is used, not 80 % of the calendar time.
    assert assignment.warn_at == at("2026-02-25", 10, 18)


def test_an_urgent_case_reported_in_the_morning_is_due_the_same_afternoon(three_day_category, yulin, intake_clerk, township_dispatcher,
                                                     department_handler):
    case = file_case(factories.report(three_day_category, priority="urgent", channel="hotline"), intake_clerk,
                     now=at("2026-03-03", 8, 30))
    transition(case, "register", intake_clerk, now=at("2026-03-03", 8, 40))
    lead = department_handler.assignments.get().department
    transition(case, "dispatch", township_dispatcher, lead=lead.pk, now=at("2026-03-03", 8, 30))
    assert case.assignments.get().due_at == at("2026-03-03", 14, 30)
