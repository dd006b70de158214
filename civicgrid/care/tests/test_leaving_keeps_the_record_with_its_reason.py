"""Leaving a programme records when and why; the record and its visits are kept (nothing is deleted), no
visit falls due any more, and it is listed among those who left. A reason is required, and 其他 needs words."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from civicgrid.care import services
from civicgrid.care.models import Enrolment
from civicgrid.cases.workflow import InvalidInput


def test_the_record_stays_with_the_reason_and_nothing_falls_due(client, grid_worker, enrolment):
    services.record_visit(grid_worker, enrolment, services.VisitIn(timezone.now() - timedelta(hours=1), "看望"))
    client.force_login(grid_worker)
    response = client.post(reverse("care:leave", args=[enrolment.pk]), {"reason": "term_ended", "note": ""})
    assert response.status_code == 302
    kept = Enrolment.objects.get(pk=enrolment.pk)
    assert kept.left_at is not None and kept.leave_reason == "term_ended" and kept.next_visit_on is None
    assert kept.visits.count() == 1
    html = client.get(reverse("care:detail", args=[enrolment.pk])).content.decode()
    assert "矫正、帮教或康复期满" in html and 'id="visit-form"' not in html
    left = client.get(reverse("care:list"), {"state": "left"}).content.decode()
    assert reverse("care:detail", args=[enrolment.pk]) in left
    assert reverse("care:detail", args=[enrolment.pk]) not in client.get(reverse("care:list")).content.decode()


@pytest.mark.parametrize("reason, note, field", [("", "", "reason"), ("other", "", "note"), ("gone", "", "reason")])
def test_leaving_needs_a_reason(grid_worker, enrolment, reason, note, field):
    with pytest.raises(InvalidInput) as refusal:
        services.leave(grid_worker, enrolment, reason, note)
    assert list(refusal.value.errors) == [field]
    assert Enrolment.objects.get(pk=enrolment.pk).left_at is None


def test_leaving_twice_is_refused(grid_worker, enrolment):
    services.leave(grid_worker, enrolment, "other", "随子女迁往外省")
    with pytest.raises(InvalidInput):
        services.leave(grid_worker, enrolment, "moved", "")
    assert Enrolment.objects.get(pk=enrolment.pk).leave_note == "随子女迁往外省"


def test_a_resident_who_left_may_be_enrolled_again(grid_head, grid_worker, building, enrolment):
    from .conftest import enrolment_input

    services.leave(grid_worker, enrolment, "consent_withdrawn", "")
    again = services.enrol(grid_head, enrolment_input(building, grid_worker))
    assert Enrolment.objects.count() == 2 and again.active
