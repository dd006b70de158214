"""The support caseload's people: the responsible grid worker (the root ``grid_worker``), the grid head of
grid A, township A's programme officer (an intake clerk of its centre, marked), a second grid worker of grid A
who is not responsible, and one consented enrolment at a building of grid A."""

from datetime import timedelta

import pytest
from django.utils import timezone

from civicgrid.care import services
from civicgrid.care.models import ProgrammeOfficer
from civicgrid.testing import factories


@pytest.fixture
def building(yulin):
    return factories.area(yulin["grid_a"].code + "001", "1号楼")


@pytest.fixture
def grid_head(yulin):
    return factories.staff_with_role("grid_head", area=yulin["grid_a"], username="grid_head")


@pytest.fixture
def officer(yulin):
    staff = factories.staff_with_role("intake_clerk", area=yulin["township_a"], username="officer")
    ProgrammeOfficer.objects.create(assignment=staff.assignments.get())
    return staff


@pytest.fixture
def other_worker(yulin):
    return factories.staff_with_role("grid_worker", area=yulin["grid_a"], username="other_worker")


def enrolment_input(area, worker, **changes) -> services.EnrolmentIn:
    values = {"programme": "elderly_alone", "resident_name": "王秀英", "resident_phone": "13912345678",
              "area": area, "worker": worker, "frequency": 7, "consent_by": "resident", "consent_name": "王秀英",
              "consented_at": timezone.now() - timedelta(days=1), "consent_method": "written", **changes}
    return services.EnrolmentIn(**values)


@pytest.fixture
def enrolment(grid_head, grid_worker, building):
    return services.enrol(grid_head, enrolment_input(building, grid_worker))
