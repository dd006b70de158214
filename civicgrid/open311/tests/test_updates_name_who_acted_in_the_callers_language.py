"""``servicerequestupdates`` describe each step with who took it in the language the client asks for with
``Accept-Language`` (Chinese by default): "立案（鼓楼街道综治中心）" or "Register (鼓楼街道 Comprehensive Governance
Centre)", and their parts joined with the language's own punctuation."""

import uuid

import pytest

from civicgrid.api.keys import find_application
from civicgrid.cases.intake import file_case
from civicgrid.cases.services import transition
from civicgrid.open311.models import ServiceRequest
from civicgrid.testing import factories

from . import schemas
from .support import checked, get


@pytest.fixture
def case(service, street_litter, intake_clerk, township_dispatcher, department_handler, app_key):
    filed = file_case(factories.report(street_litter, extra={"size": "少量"}))
    ServiceRequest.objects.create(case=filed, application=find_application(app_key), token=uuid.uuid4().hex)
    transition(filed, "register", intake_clerk)
    transition(filed, "dispatch", township_dispatcher, lead=department_handler.assignments.get().department.pk)
    return filed


def descriptions(client, app_key, lang: str) -> list[str]:
    found = checked(get(client, "servicerequestupdates", lang=lang, api_key=app_key, jurisdiction_id="yulin"),
                    schemas.UPDATES)
    return [item["description"] for item in found]


@pytest.mark.parametrize("lang", ["zh-hans", "en"])
def test_each_step_names_who_took_it_in_the_callers_language(client, case, app_key, department_handler, lang):
    department = department_handler.assignments.get().department.name
    expected = {"zh-hans": ["立案（鼓楼街道综治中心）", f"派遣（鼓楼街道综治中心）：主办：{department}"],
                "en": ["Register (鼓楼街道 Comprehensive Governance Centre)",
                       f"Dispatch (鼓楼街道 Comprehensive Governance Centre): Lead: {department}"]}
    assert descriptions(client, app_key, lang) == expected[lang]
