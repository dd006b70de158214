"""A petition at grid A of township A, registered by the centre, and the people around it."""

import json
from datetime import timedelta

import pytest
from django.utils import timezone

from civicgrid.api import keys
from civicgrid.cases.intake import file_case
from civicgrid.cases.models import CaseEvent
from civicgrid.cases.services import transition
from civicgrid.testing import factories

from ..models import Petition, Visit


@pytest.fixture
def petition_category(db):
    factories.category("80", "信访事项", kind="petition")
    return factories.category("80.001", "征地补偿", kind="petition")


@pytest.fixture
def petition_case(yulin, petition_category, intake_clerk):
    """A petition filed five days ago at the centre, 立案 at once."""
    filed = timezone.now() - timedelta(days=5)
    case = file_case(factories.report(petition_category, title="反映征地补偿款未足额发放",
                                      description="村民反映2025年征地补偿款少发，多次到村委会未解决。",
                                      reporter_name="王秀兰", reporter_phone="13912345678",
                                      reporter_id_number="610802198001010013", channel="walk_in"),
                     intake_clerk, now=filed)
    transition(case, "register", intake_clerk, now=filed)
    case.refresh_from_db()
    return case


@pytest.fixture
def county_leader(yulin):
    return factories.staff_with_role("leader", area=yulin["county"], username="county_leader")


@pytest.fixture
def township_b_leader(yulin):
    """A leader of the other township: township A's petitions are not theirs to own."""
    return factories.staff_with_role("leader", area=yulin["township_b"], username="leader_b")


def api(client, user, path: str, body: dict | None = None, **query):
    raw = keys.create_token(user, "tests")[1]
    auth = {"HTTP_AUTHORIZATION": f"Bearer {raw}"}
    if body is None:
        return client.get(path, query, **auth)
    return client.post(path, json.dumps(body), content_type="application/json", **auth)


def take(case, action: str, actor, **params):
    """The step taken now through the one service, the case read again afterwards."""
    case.refresh_from_db()
    transition(case, action, actor, version=case.version, **params)
    case.refresh_from_db()
    return case


def settled(case, leader, **changes):
    """A petition with its leader, plan and a visit, settled and waiting for the petitioner's word."""
    today = timezone.localdate()
    take(case, "assign_leader", leader, leader=leader.pk)
    take(case, "set_plan", leader, plan="协调镇政府核对补偿台账，补发差额。")
    take(case, "record_visit", leader, kind="home", visited_on=today, visitors="马领导、镇信访办李干事",
         place="王家村", notes="听取诉求，核对台账。")
    return take(case, "settle_petition", leader, outcome="resolved", account="补偿差额已补发到位。", **changes)


def state(case) -> tuple:
    """What a refused step must leave as it was: the case, its events, the record and its visits."""
    case.refresh_from_db()
    record = Petition.objects.filter(case=case).values().first()
    return case.version, case.status, CaseEvent.objects.filter(case=case).count(), record, Visit.objects.count()
