import pytest
from django.urls import reverse

from civicgrid.cases.intake import file_case
from civicgrid.cases.models import Case, CaseEvent
from civicgrid.cases.services import transition
from civicgrid.testing import factories


@pytest.fixture
def three_cases(street_litter, intake_clerk):
    cases = [file_case(factories.report(street_litter, title=f"第{n}件")) for n in range(3)]
    transition(cases[2], "register", intake_clerk)  # already registered: cannot be registered again
    return cases


def bulk(client, action, cases):
    return client.post(reverse("cases:bulk"), {"action": action, "cases": [c.number for c in cases],
                                               "next": reverse("cases:queue")}, follow=True)


def test_bulk_register_registers_what_it_can_and_names_each_refusal(client, intake_clerk, three_cases):
    client.force_login(intake_clerk)
    html = bulk(client, "register", three_cases).content.decode()
    statuses = dict(Case.objects.values_list("number", "status"))
    assert [statuses[c.number] for c in three_cases] == ["registered"] * 3
    assert CaseEvent.objects.filter(action="register", actor=intake_clerk).count() == 3
    assert "“立案”：2 件已办理。" in html and "“立案”：1 件未能办理。" in html
    assert f"案件 {three_cases[2].number} 当前为“待派遣”，不能“立案”" in html


def test_bulk_remind_is_refused_for_cases_not_yet_dispatched(client, township_dispatcher, three_cases):
    client.force_login(township_dispatcher)
    html = bulk(client, "remind", three_cases[:1]).content.decode()
    assert "“催办”：1 件未能办理。" in html and not CaseEvent.objects.filter(action="remind").exists()


def test_cases_outside_the_scope_are_left_alone(client, outsider, three_cases):
    client.force_login(outsider)
    bulk(client, "register", three_cases)
    assert Case.objects.filter(status="reported").count() == 2


def test_bulk_without_a_selection_asks_for_one(client, intake_clerk, three_cases):
    client.force_login(intake_clerk)
    html = bulk(client, "register", []).content.decode()
    assert "请先勾选案件。" in html
