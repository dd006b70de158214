from django.utils import timezone

from civicgrid.cases.models import Case
from civicgrid.cases.services import transition
from civicgrid.dashboards.figures import Period, Where, sums
from civicgrid.hazards.tests.conftest import graded


def test_grading_and_regrading_move_the_hazard_between_grades_in_the_figures(hazard_case, gas, grid_worker):
    graded(hazard_case, grid_worker, gas, grade="orange")
    assert Case.objects.get(pk=hazard_case.pk).facet == "orange"
    transition(hazard_case, "hazard_grade", grid_worker, grade="red", reason="复查发现燃气泄漏，升为重大风险。")
    today = timezone.localdate()
    rows = sums(Where("6108", filters={"kind": "hazard"}), Period(today.replace(day=1), today), by=["facet"])
    assert {row["facet"]: row["cases"] for row in rows if row["cases"]} == {"red": 1}
