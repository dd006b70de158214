"""Every grading needs its reason: without one (or only spaces) the step is refused naming 定级理由, on the
page, in the API and in the service, and neither the grade nor its history changes."""

import pytest
from django.urls import reverse

from civicgrid.cases.services import transition
from civicgrid.cases.workflow import InvalidInput
from civicgrid.hazards.models import Grading, Hazard

from .conftest import graded, through_api


@pytest.fixture
def orange(hazard_case, township_dispatcher, gas):
    return graded(hazard_case, township_dispatcher, gas, grade="orange")


def test_the_service_refuses_and_names_the_field(orange, township_dispatcher):
    with pytest.raises(InvalidInput) as refused:
        transition(orange, "hazard_grade", township_dispatcher, grade="red", reason="   ")
    assert "定级理由" in refused.value.message and "reason" in refused.value.errors
    assert Hazard.objects.get().grade == "orange" and Grading.objects.count() == 1


def test_the_api_answers_422_naming_reason(client, orange, township_dispatcher):
    answer = through_api(client, township_dispatcher, orange, "hazard_grade", grade="red")
    assert answer.status_code == 422 and "reason" in answer.json()["details"]
    assert Hazard.objects.get().grade == "orange" and Grading.objects.count() == 1


def test_the_page_says_why(client, orange, township_dispatcher):
    client.force_login(township_dispatcher)
    page = client.post(reverse("cases:act", args=[orange.number]),
                       {"action": "hazard_grade", "version": orange.version, "grade": "red", "reason": ""},
                       follow=True).content.decode()
    assert "请填写定级理由" in page
    assert Hazard.objects.get().grade == "orange"


def test_a_grade_that_does_not_change_is_refused_too(orange, township_dispatcher):
    with pytest.raises(InvalidInput, match="无需调整"):
        transition(orange, "hazard_grade", township_dispatcher, grade="orange", reason="复核")
    assert Grading.objects.count() == 1
