"""Administrators edit routing rules in the admin; every change is kept in the rule's history, and a bad
area prefix is refused with the rule's own message."""

import pytest

from civicgrid.cases.models import RoutingRule
from civicgrid.testing import factories


@pytest.fixture
def departments(yulin):
    return [factories.DepartmentFactory(area=yulin["county"], name=name) for name in ("城管局", "住建局", "环保局")]


@pytest.fixture
def rule(street_litter, departments):
    return RoutingRule.objects.create(category=street_litter, area_prefix="610802", lead_department=departments[0])


def form(rule, **changes) -> dict:
    values = {"category": rule.category_id, "area_prefix": rule.area_prefix, "lead_department": rule.lead_department_id,
              "co_departments": [], "position": rule.position, "is_active": "on", "note": rule.note}
    return {**values, **changes}


def test_the_rule_list_the_rule_page_and_its_history_open(admin_client, rule):
    assert "城管局" in admin_client.get("/admin/cases/routingrule/").content.decode()
    assert admin_client.get(f"/admin/cases/routingrule/{rule.pk}/change/").status_code == 200
    assert admin_client.get("/admin/cases/routingrule/add/").status_code == 200
    assert admin_client.get(f"/admin/cases/routingrule/{rule.pk}/history/").status_code == 200


def test_a_change_in_the_admin_writes_a_history_row_with_who_made_it(admin_client, admin_user, rule, departments):
    before = rule.history.count()
    response = admin_client.post(f"/admin/cases/routingrule/{rule.pk}/change/",
                                 form(rule, lead_department=departments[1].pk, co_departments=[departments[2].pk],
                                      note="2026 年起改由住建局主办"))

    assert response.status_code == 302 and rule.history.count() > before
    latest = rule.history.latest()
    assert latest.history_user == admin_user and latest.history_type == "~"
    assert latest.lead_department_id == departments[1].pk and latest.note == "2026 年起改由住建局主办"
    assert list(latest.co_departments.values_list("department_id", flat=True)) == [departments[2].pk]
    page = admin_client.get(f"/admin/cases/routingrule/{rule.pk}/history/").content.decode()
    assert admin_user.username in page


def test_a_padded_12_digit_prefix_is_refused_with_the_rule_s_message(admin_client, rule):
    before = rule.history.count()
    response = admin_client.post(f"/admin/cases/routingrule/{rule.pk}/change/", form(rule, area_prefix="610802000000"))

    assert response.status_code == 200
    assert "区域编码前缀应为区划编码的有效位" in response.content.decode()
    rule.refresh_from_db()
    assert rule.area_prefix == "610802" and rule.history.count() == before


def test_a_prefix_of_the_wrong_length_is_refused(admin_client, rule):
    response = admin_client.post(f"/admin/cases/routingrule/{rule.pk}/change/", form(rule, area_prefix="61080"))
    assert "位数为 5" in response.content.decode()
    rule.refresh_from_db()
    assert rule.area_prefix == "610802"
