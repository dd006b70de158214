"""A small city's cases for the dashboard: townships A and B, two kinds with a facet beside the spine's,
every stretch of the loop (reported to rated, voided), two lead departments, a web and a hotline channel,
overdue cases, and cases filed 40 and 400 days ago for the trends' 环比 and 同比."""

from datetime import timedelta

import pytest
from django.utils import timezone

from civicgrid.cases import sweep
from civicgrid.cases.intake import file_case
from civicgrid.cases.models import Case
from civicgrid.cases.services import transition
from civicgrid.cases.workflow import RESIDENT
from civicgrid.dashboards.figures import Period
from civicgrid.dashboards.periods import Chosen, Span
from civicgrid.hazards.models import HazardField
from civicgrid.testing import factories

GRID_B_POINT = (109.73, 38.29)
DAYS = 500  # the custom period the tests read: every case below falls in it


@pytest.fixture
def people(yulin, intake_clerk, township_dispatcher, shift_lead, department_handler, second_department_handler,
           grid_worker, leader, outsider) -> dict:
    return {"intake_clerk": intake_clerk, "dispatcher": township_dispatcher, "shift_lead": shift_lead,
            "handler": department_handler, "handler2": second_department_handler, "grid_worker": grid_worker,
            "leader": leader, "outsider": outsider}


@pytest.fixture
def categories(street_litter) -> dict:
    return {"litter": street_litter, "noise": factories.category("01.002", "噪声扰民"),
            "hazard": factories.category("70", "安全隐患", kind="hazard"),
            "dispute": factories.category("80", "邻里纠纷", kind="dispute")}


def department(person):
    return person.assignments.get().department


class Filing:
    """Files a case and takes it along the loop with the small city's people."""

    def __init__(self, people):
        self.people = people

    def file(self, category, days_ago=0, point=None, **fields):
        report = factories.report(category, **({"point": point} if point else {}), **fields)
        filer = self.people["intake_clerk"] if "channel" in fields else None  # the hotline's calls: a clerk's
        return file_case(report, filer, now=timezone.now() - timedelta(days=days_ago))

    def dispatched(self, category, lead="handler", **options):
        case = self.file(category, **options)
        transition(case, "register", self.people["intake_clerk"])
        transition(case, "dispatch", self.people["dispatcher"], lead=department(self.people[lead]).pk)
        return case

    def handled(self, category, lead="handler", **options):
        case = self.dispatched(category, lead, **options)
        handler, assignment = self.people[lead], case.assignments.get()
        transition(case, "accept", handler, assignment=assignment)
        transition(case, "handle", handler, assignment=assignment, note="已处理")
        return case

    def rated(self, category, satisfaction, **options):
        case = self.handled(category, **options)
        transition(case, "verify", self.people["grid_worker"])
        transition(case, "close", self.people["shift_lead"])
        transition(case, "callback", RESIDENT, satisfaction=satisfaction)
        return case


@pytest.fixture
def city(people, categories):
    """Cases of every kind of figure the dashboard shows; the open ones of township A overdue."""
    filing, c = Filing(people), categories
    filing.dispatched(c["litter"])
    filing.dispatched(c["noise"], lead="handler2")
    sweep.run(now=timezone.now() + timedelta(days=30))  # both dispatched cases are now overdue
    filing.rated(c["litter"], "satisfied")
    filing.rated(c["noise"], "basically", lead="handler2", channel="hotline")
    filing.handled(c["litter"], days_ago=40)
    filing.file(c["litter"], days_ago=400)
    filing.file(c["noise"], point=GRID_B_POINT)
    transition(filing.file(c["litter"]), "void", people["shift_lead"], note="重复上报")
    hazard = filing.file(c["hazard"])
    field = HazardField.objects.get_or_create(name="城镇燃气", defaults={"order": 30})[0]
    transition(hazard, "hazard_record", people["intake_clerk"], field=field.pk, place="小区配电房",
               responsible_unit="物业公司", responsible_person="马建国", responsible_phone="13912345678")
    transition(hazard, "hazard_grade", people["intake_clerk"], grade="red", reason="配电房漏水")
    filing.file(c["hazard"])
    filing.file(c["dispute"])
    return filing


@pytest.fixture
def chosen() -> Chosen:
    today = timezone.localdate()
    return Chosen(Span.CUSTOM, Period(today - timedelta(days=DAYS), today))


def custom(chosen: Chosen) -> dict:
    return chosen.query()


@pytest.fixture
def overdue():
    """Make a case overdue: its due time moved an hour and a bit into the past, as the sweep would find it."""

    def make(case: Case, hours: int = 3) -> Case:
        Case.objects.filter(pk=case.pk).update(due_at=timezone.now() - timezone.timedelta(hours=hours, minutes=5))
        case.refresh_from_db()
        return case

    return make
