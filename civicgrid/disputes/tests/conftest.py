"""A village committee of community A with two mediators, a township committee beside it, a 邻里纠纷
category and a dispute a grid worker found in grid A, registered by the centre."""

from datetime import timedelta

import pytest
from django.utils import timezone

from civicgrid.cases.intake import file_case
from civicgrid.cases.models import Case
from civicgrid.cases.services import transition
from civicgrid.disputes import choices as c
from civicgrid.disputes.models import Committee, Mediator
from civicgrid.testing import factories

VALID_ID = "11010519491231002X"  # GB 11643's own example: its check character is right


@pytest.fixture
def neighbour_disputes(db):
    factories.category("05", "矛盾纠纷", kind="dispute")
    return factories.category("05.002", "邻里纠纷", kind="dispute")


@pytest.fixture
def village_committee(yulin):
    return Committee.objects.create(name="鸳鸯湖社区人民调解委员会", kind=c.CommitteeKind.VILLAGE,
                                    area=yulin["community_a"], abbreviation="鸳鸯湖")


@pytest.fixture
def township_committee(yulin):
    return Committee.objects.create(name="鼓楼街道人民调解委员会", kind=c.CommitteeKind.TOWNSHIP,
                                    area=yulin["township_a"], abbreviation="鼓楼")


@pytest.fixture
def other_committee(yulin):
    """Township B's committee: it does not serve grid A."""
    return Committee.objects.create(name="青山路街道人民调解委员会", kind=c.CommitteeKind.TOWNSHIP,
                                    area=yulin["township_b"], abbreviation="青山路")


@pytest.fixture
def mediator(yulin, village_committee):
    """调解员 of community A, in the village committee's pool."""
    staff = factories.staff_with_role("mediator", area=yulin["community_a"], username="mediator")
    Mediator.objects.create(name="王调解", committee=village_committee, staff=staff, kind=c.MediatorKind.FULL_TIME,
                            specialities=[c.Speciality.FAMILY, c.Speciality.LAND])
    return staff


@pytest.fixture
def second_mediator(village_committee):
    return Mediator.objects.create(name="李五老", committee=village_committee, kind=c.MediatorKind.ELDER,
                                   elder_background=c.ElderBackground.TEACHER, specialities=[c.Speciality.GENERAL])


@pytest.fixture
def dispute_case(neighbour_disputes, grid_worker, intake_clerk) -> Case:
    """Filed by the grid worker a day ago, registered by the centre."""
    report = factories.report(neighbour_disputes, title="邻里漏水纠纷", description="楼上漏水渗到楼下，双方争执不下。",
                              channel="grid_worker")
    case = file_case(report, grid_worker, now=timezone.now() - timedelta(days=1))
    transition(case, "register", intake_clerk)
    case.refresh_from_db()
    return case


def take(case, action, actor, note="", **params):
    """A step through the one service, as the case page and the API take it."""
    transition(case.pk, action, actor, note=note, **params)
    case.refresh_from_db()
    return case


def party(case, actor, **fields):
    values = {"role": c.PartyRole.APPLICANT, "name": "张三", "id_number": VALID_ID, "phone": "13800138000",
              "address": "鼓楼街道鸳鸯湖小区3号楼2单元501"} | fields
    return take(case, "add_party", actor, **values)


def accepted(case, mediator_staff, committee):
    take(case, "accept_mediation", mediator_staff, committee=committee.pk)
    return take(case, "assign_mediators", mediator_staff, mediators=[committee.mediators.get(staff=mediator_staff).pk])
