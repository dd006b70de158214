"""The figures (``tally``) kept by the one writer equal a GROUP BY over the case table after any steps.

Hypothesis files cases of several kinds on random days (one by one and in a batch), then takes random steps
that the people of the small city may take on them (with the inputs the steps want), runs the overdue sweep
at random later instants, and after all that compares every cube with a full recount, row by row.
"""

from datetime import timedelta

import pytest
from django.utils import timezone
from hypothesis import HealthCheck, Phase, event, given, settings
from hypothesis import strategies as st

from civicgrid.cases import bulk, sweep, tally
from civicgrid.cases.choices import Status
from civicgrid.cases.intake import file_case
from civicgrid.cases.models import Assignment, Case, Tally
from civicgrid.cases.services import transition
from civicgrid.cases.workflow import RESIDENT, WorkflowError, available
from civicgrid.hazards.models import HazardField
from civicgrid.testing import factories

KINDS = ("urban_event", "request", "hazard", "dispute")
DETOURS = {"escalate", "void", "merge"}  # steps that take a case out of the small city's hands


@pytest.fixture
def people(yulin, intake_clerk, township_dispatcher, department_handler, second_department_handler, grid_worker,
           shift_lead, leader):
    return [intake_clerk, township_dispatcher, department_handler, second_department_handler, grid_worker,
            shift_lead, leader, RESIDENT]


@pytest.fixture
def categories(db):
    return [factories.category(f"9{i}", f"分类{i}", kind=kind) for i, kind in enumerate(KINDS)]


def inputs(action: str, case: Case, people, draw) -> dict:
    """What a step wants, drawn: the departments of the small city, a grade, a satisfaction."""
    departments = [p.assignments.get().department.pk for p in people[2:4]]
    choices = {
        "dispatch": lambda: {"lead": draw(st.sampled_from(departments))},
        "callback": lambda: {"satisfaction": draw(st.sampled_from(["satisfied", "basically", "unsatisfied"]))},
        "hazard_record": lambda: {"field": HazardField.objects.order_by("pk").first().pk, "place": "小区配电房",
                                  "responsible_unit": "物业公司", "responsible_person": "李四",
                                  "responsible_phone": "13912345678"},
        "hazard_grade": lambda: {"grade": draw(st.sampled_from(["red", "orange", "yellow", "blue"])), "reason": "评估"},
        "no_callback": lambda: {"reason": "无法联系"},
    }
    return choices.get(action, dict)()


def take_a_step(draw, cases: list[Case], people) -> None:
    case = Case.objects.get(pk=draw(st.sampled_from(cases)).pk)
    assignments = list(Assignment.objects.filter(case=case))
    options = [(who, step, a) for who in people[:-1] for step, a in available(who, case, assignments)]
    options += [(RESIDENT, None, None)] if case.status == Status.CLOSED else []
    onward = [o for o in options if o[1] is None or (o[1].target and o[1].action not in DETOURS)]
    if onward and draw(st.integers(0, 3)):
        options = onward  # mostly along the loop, so that cases reach its end; sometimes anything
    if not options:
        return
    who, step, assignment = draw(st.sampled_from(options))
    action = step.action if step else "callback"
    try:
        transition(case, action, who, assignment=assignment, note="现场情况", files=[factories.jpeg()],
                   **inputs(action, case, people, draw))
        event(action)
    except WorkflowError:
        pass  # a step whose inputs the draw got wrong is refused and changes nothing: so are its figures


def file_some(draw, categories, when) -> list[Case]:
    filed = []
    for _ in range(draw(st.integers(1, 3))):
        report = factories.report(draw(st.sampled_from(categories)))
        filed.append(file_case(report, now=when - timedelta(days=draw(st.integers(0, 70)))))
    return filed


def assert_every_cube_equals_its_recount() -> None:
    for c in tally.CUBES:
        kept = {tuple(row[k] for k in (*tally.KEY, *tally.MEASURES))
                for row in tally.rows(c).values(*tally.KEY, *tally.MEASURES)}
        counted = {tuple(row[f"t_{k}"] for k in (*tally.KEY, *tally.MEASURES)) for row in tally.recount(c)}
        assert kept == counted, f"{c.code}: kept {sorted(kept - counted)[:3]} counted {sorted(counted - kept)[:3]}"


@settings(max_examples=12, deadline=None, phases=[Phase.generate], suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                   HealthCheck.too_slow])
@given(data=st.data())
def test_after_random_steps_every_cube_equals_a_full_recount(data, people, categories, township_dispatcher):
    now = timezone.now()
    cases = file_some(data.draw, categories, now)
    batch = [factories.report(data.draw(st.sampled_from(categories))) for _ in range(data.draw(st.integers(0, 3)))]
    cases += bulk.file_many(batch, township_dispatcher, now=now).cases
    for _ in range(data.draw(st.integers(10, 40))):
        if data.draw(st.integers(0, 9)) == 0:
            sweep.run(now=now + timedelta(days=data.draw(st.integers(1, 30))))
        else:
            take_a_step(data.draw, cases, people)
    assert_every_cube_equals_its_recount()


def test_a_rebuild_gives_the_rows_the_writer_kept(people, categories, township_dispatcher, intake_clerk):
    now = timezone.now()
    cases = [file_case(factories.report(category), now=now - timedelta(days=40 * i))
             for i, category in enumerate(categories)]
    transition(cases[0], "register", intake_clerk)
    kept = set(Tally.objects.exclude(cases=0).values_list(*tally.KEY, *tally.MEASURES))
    assert tally.rebuild() > 0
    assert set(Tally.objects.values_list(*tally.KEY, *tally.MEASURES)) == kept
