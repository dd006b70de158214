"""The programmes are the fixed list of docs/design.md, in code: anything else is refused by the service
with the list named, and by the database too."""

import pytest
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from civicgrid.care import services
from civicgrid.care.choices import Programme
from civicgrid.care.models import Enrolment
from civicgrid.cases.workflow import InvalidInput

from .conftest import enrolment_input


def test_the_list_is_the_seven_programmes_of_the_design():
    assert Programme.values == ["elderly_alone", "disability", "mental_health", "community_correction", "reentry",
                                "drug_rehabilitation", "minors"]


@pytest.mark.parametrize("programme", ["petitioner", "religion", ""])
def test_a_programme_not_on_the_list_is_refused_and_nothing_saved(grid_head, grid_worker, building, programme):
    with pytest.raises(InvalidInput) as refusal:
        services.enrol(grid_head, enrolment_input(building, grid_worker, programme=programme))
    message = refusal.value.errors["programme"]
    assert "不在关爱帮扶的项目清单内" in message and "独居老人关爱" in message and "困境未成年人关爱" in message
    assert not Enrolment.objects.exists()


def test_the_database_refuses_a_programme_not_on_the_list(grid_head, grid_worker, building):
    now = timezone.now()
    with pytest.raises(IntegrityError), transaction.atomic():
        Enrolment.objects.create(programme="petitioner", resident_name="某某", area=building, area_code=building.code,
                                 consent_by="resident", consent_name="某某", consented_at=now,
                                 consent_method="written", worker=grid_worker, frequency=7, enrolled_at=now,
                                 enrolled_by=grid_head)


def test_the_page_refuses_a_posted_programme_not_on_the_list(client, grid_head, grid_worker, building):
    client.force_login(grid_head)
    response = client.post(reverse("care:enrol"), {
        "programme": "petitioner", "resident_name": "赵刚", "area": building.pk, "worker": grid_worker.pk,
        "frequency": "30", "consent_by": "resident", "consent_name": "赵刚", "consented_at": "2025-01-02T10:00",
        "consent_method": "written"})
    assert "“petitioner”不在关爱帮扶的项目清单内" in response.content.decode()
    assert not Enrolment.objects.exists()
