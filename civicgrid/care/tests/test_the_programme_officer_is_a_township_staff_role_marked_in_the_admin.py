"""The township's programme officer (关爱帮扶专干) is one of the township's staff whose role assignment the
administrator marks in the admin; a role held anywhere but at a township is refused, and an administrator
sees the marks of their own scope only."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from civicgrid.care.models import ProgrammeOfficer
from civicgrid.testing import factories


def test_a_role_below_or_above_a_township_is_refused(grid_worker, leader):
    for person in (grid_worker, leader):
        with pytest.raises(ValidationError) as refusal:
            ProgrammeOfficer(assignment=person.assignments.get()).full_clean()
        assert "须是乡镇街道工作人员" in str(refusal.value)


def test_the_administrator_marks_a_township_role(client, administrator, intake_clerk):
    client.force_login(administrator)
    administrator.is_staff = True
    administrator.is_superuser = True
    administrator.save()
    assignment = intake_clerk.assignments.get()
    response = client.post(reverse("admin:care_programmeofficer_add"), {"assignment": assignment.pk})
    assert response.status_code == 302
    assert ProgrammeOfficer.objects.get().assignment == assignment


def test_an_administrator_sees_the_marks_of_their_scope(officer, yulin):
    from django.contrib import admin
    from django.test import RequestFactory

    other = factories.staff_with_role("intake_clerk", area=yulin["township_b"], username="officer_b")
    ProgrammeOfficer.objects.create(assignment=other.assignments.get())
    admin_b = factories.staff_with_role("admin", area=yulin["township_b"], username="admin_b")
    request = RequestFactory().get("/")
    request.user = admin_b
    found = admin.site._registry[ProgrammeOfficer].get_queryset(request)
    assert [mark.assignment.staff for mark in found] == [other]
