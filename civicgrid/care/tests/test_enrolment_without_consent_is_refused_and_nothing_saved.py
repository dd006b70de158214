"""No consent, no enrolment: who consented, their name, when and how are each required, a consent dated in the
future is no consent, and the page says so with nothing saved."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from civicgrid.care import services
from civicgrid.care.models import Enrolment
from civicgrid.cases.workflow import InvalidInput

from .conftest import enrolment_input


@pytest.mark.parametrize("missing, field", [
    ({"consent_by": ""}, "consent_by"), ({"consent_name": "  "}, "consent_name"),
    ({"consented_at": None}, "consented_at"), ({"consent_method": ""}, "consent_method"),
])
def test_each_part_of_the_consent_is_required(grid_head, grid_worker, building, missing, field):
    with pytest.raises(InvalidInput) as refusal:
        services.enrol(grid_head, enrolment_input(building, grid_worker, **missing))
    assert list(refusal.value.errors) == [field]
    assert "同意" in refusal.value.errors[field]
    assert not Enrolment.objects.exists()


def test_a_consent_dated_in_the_future_is_refused(grid_head, grid_worker, building):
    later = timezone.now() + timedelta(hours=2)
    with pytest.raises(InvalidInput) as refusal:
        services.enrol(grid_head, enrolment_input(building, grid_worker, consented_at=later))
    assert refusal.value.errors == {"consented_at": "同意时间不能晚于现在。"}
    assert not Enrolment.objects.exists()


def test_a_guardians_consent_is_recorded_with_who_when_and_how(grid_head, grid_worker, building):
    when = timezone.now() - timedelta(days=3)
    found = services.enrol(grid_head, enrolment_input(building, grid_worker, programme="minors",
                                                      resident_name="李小明", consent_by="guardian",
                                                      consent_name="李建国", consented_at=when,
                                                      consent_method="oral_witnessed"))
    found.refresh_from_db()
    assert (found.consent_by, found.consent_name, found.consented_at, found.consent_method) == (
        "guardian", "李建国", when, "oral_witnessed")


def test_the_page_without_consent_says_why_and_saves_nothing(client, grid_head, grid_worker, building):
    client.force_login(grid_head)
    response = client.post(reverse("care:enrol"), {
        "programme": "disability", "resident_name": "赵刚", "area": building.pk, "worker": grid_worker.pk,
        "frequency": "30"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "没有本人或监护人的同意不能登记" in html
    assert not Enrolment.objects.exists()
