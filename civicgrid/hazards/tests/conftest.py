"""A hazard case at grid A (城镇燃气 at a restaurant), registered, and helpers to take it through its steps."""

import json

import pytest

from civicgrid.api import keys
from civicgrid.cases.intake import file_case
from civicgrid.cases.services import transition
from civicgrid.hazards.models import HazardField
from civicgrid.testing import factories


@pytest.fixture
def hazard_category(db):
    factories.category("09", "安全隐患", kind="hazard")
    return factories.category("09.001", "燃气安全隐患", kind="hazard")


@pytest.fixture
def gas(db):
    """Seeded by the migration; made again after a test that empties the tables (a transactional one)."""
    return HazardField.objects.get_or_create(name="城镇燃气", defaults={"order": 30})[0]


def new_hazard(category, intake_clerk, **report):
    case = file_case(factories.report(category, title="餐馆后厨燃气软管老化", **report))
    transition(case, "register", intake_clerk)
    case.refresh_from_db()
    return case


@pytest.fixture
def hazard_case(hazard_category, intake_clerk):
    return new_hazard(hazard_category, intake_clerk)


def record(case, actor, field, **values):
    params = {"field": field.pk, "place": "鼓楼街道老马家餐馆后厨", "responsible_unit": "老马家餐馆",
              "responsible_person": "马建国", "responsible_phone": "13912345678", **values}
    return transition(case, "hazard_record", actor, **params)


def graded(case, actor, field, grade="orange", reason="软管老化开裂，有燃气味，人员密集。"):
    record(case, actor, field)
    transition(case, "hazard_grade", actor, grade=grade, reason=reason)
    case.refresh_from_db()
    return case


def through_api(client, user, case, action, note="", **params):
    raw = keys.create_token(user, "tests")[1]
    body = {"action": action, "version": type(case).objects.get(pk=case.pk).version, "note": note, "params": params}
    return client.post(f"/api/v1/cases/{case.number}/actions", json.dumps(body), content_type="application/json",
                       HTTP_AUTHORIZATION=f"Bearer {raw}")
