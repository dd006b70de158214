"""Last month's cases in 榆阳区, counted by the tally, and the centres that report on them."""

from datetime import datetime, time, timedelta

import pytest
from django.utils import timezone

from civicgrid.cases import sweep, tally
from civicgrid.cases.intake import file_case
from civicgrid.cases.models import Case
from civicgrid.cases.services import transition
from civicgrid.dashboards.figures import Period
from civicgrid.orgs.models import Centre
from civicgrid.reports.choices import PeriodKind
from civicgrid.reports.periods import last_complete
from civicgrid.testing import factories

GRID_B_POINT = (109.73, 38.29)


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    """Each test's report files in a folder of its own, not the repository's media."""
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def month() -> Period:
    return Period(*last_complete(PeriodKind.MONTH))


@pytest.fixture
def centres(yulin) -> dict:
    names = ("city", "county", "township_a", "township_b")
    return {name: Centre.objects.create(area=yulin[name], name=f"{yulin[name].name}综治中心") for name in names}


def _filed(category, title, **fields):
    return file_case(factories.report(category, title=title, **fields))


@pytest.fixture
def last_month(centres, month, street_litter, intake_clerk, township_dispatcher, department_handler, grid_worker,
               shift_lead) -> dict:
    """Township A: one case reported, one registered and overdue, one dispatched, one closed; township B: one
    reported. All filed on the 10th of last month, and the figures rebuilt from the cases."""
    department = department_handler.assignments.get().department
    cases = {"reported": _filed(street_litter, "路灯不亮"), "overdue": _filed(street_litter, "井盖缺失"),
             "dispatched": _filed(street_litter, "垃圾堆放"), "closed": _filed(street_litter, "道路破损"),
             "other": _filed(street_litter, "占道经营", point=GRID_B_POINT)}
    for name in ("overdue", "dispatched", "closed"):
        transition(cases[name], "register", intake_clerk)
    for name in ("dispatched", "closed"):
        transition(cases[name], "dispatch", township_dispatcher, lead=department.pk)
    closed = Case.objects.get(pk=cases["closed"].pk)
    assignment = closed.assignments.get()
    transition(closed, "accept", department_handler, assignment=assignment)
    transition(closed, "handle", department_handler, assignment=assignment, note="已修复")
    transition(closed, "verify", grid_worker)
    transition(closed, "close", shift_lead)
    Case.objects.filter(pk=cases["overdue"].pk).update(due_at=timezone.now() - timedelta(hours=1))
    sweep.run()
    filed = timezone.make_aware(datetime.combine(month.start + timedelta(days=9), time(10)))
    Case.objects.update(reported_at=filed)
    tally.rebuild()
    return {"department": department, **{name: Case.objects.get(pk=case.pk) for name, case in cases.items()}}
