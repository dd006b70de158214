"""Re-grading over time: each grading is a row with the grade before it, its reason, who and when, in order;
the record keeps the current grade and its reason, and the case page shows the history."""

from django.urls import reverse

from civicgrid.cases.services import transition
from civicgrid.hazards.models import Hazard

from .conftest import graded


def test_each_grading_is_kept_in_order_with_the_grade_before(hazard_case, township_dispatcher, grid_worker, gas,
                                                           client):
    case = graded(hazard_case, township_dispatcher, gas, grade="yellow", reason="软管轻微老化")
    transition(case, "hazard_grade", grid_worker, grade="red", reason="复查发现软管开裂漏气，紧邻学校")
    transition(case, "hazard_grade", township_dispatcher, grade="orange", reason="已关闭气阀，临时管控")
    hazard = Hazard.objects.get()
    history = list(hazard.gradings.values_list("previous", "grade", "reason", "graded_by__username"))
    assert history == [("", "yellow", "软管轻微老化", "dispatcher"),
                       ("yellow", "red", "复查发现软管开裂漏气，紧邻学校", "grid_worker"),
                       ("red", "orange", "已关闭气阀，临时管控", "dispatcher")]
    assert hazard.grade == "orange" and hazard.grade_reason == "已关闭气阀，临时管控"
    client.force_login(township_dispatcher)
    page = client.get(reverse("cases:detail", args=[case.number])).content.decode()
    assert page.count("grade-red") >= 1 and "复查发现软管开裂漏气" in page and "（原为红色（重大风险））" in page
