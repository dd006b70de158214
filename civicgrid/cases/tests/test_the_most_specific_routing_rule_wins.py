"""Routing rules: category branch + area prefix → departments; the most specific matching rule wins."""

import pytest

from civicgrid.cases.models import RoutingRule
from civicgrid.cases.routing import propose
from civicgrid.testing import factories


@pytest.fixture
def departments(yulin):
    make = factories.DepartmentFactory
    return {name: make(name=name, area=yulin["county"], served_areas=[yulin["county"]])
            for name in ("城管局", "住建局", "鼓楼街道城管办", "环保局")}


@pytest.fixture
def litter(db):
    top = factories.category("01", "市容环境")
    return top, factories.category("01.001", "暴露垃圾")


def rule(lead, category=None, prefix="", co=(), **fields):
    created = RoutingRule.objects.create(lead_department=lead, category=category, area_prefix=prefix, **fields)
    created.co_departments.set(co)
    return created


def test_a_rule_on_the_branch_applies_to_its_subcategories(departments, litter):
    rule(departments["城管局"], litter[0], "6108", co=[departments["环保局"]])
    route = propose(litter[1], "610802001001001")
    assert route.lead == departments["城管局"] and route.co == [departments["环保局"]]


def test_a_deeper_category_beats_a_longer_area_prefix(departments, litter):
    rule(departments["鼓楼街道城管办"], litter[0], "610802001")
    rule(departments["住建局"], litter[1], "6108")
    assert propose(litter[1], "610802001001001").lead == departments["住建局"]


def test_with_equal_categories_the_longer_prefix_wins(departments, litter):
    rule(departments["城管局"], litter[1], "610802")
    rule(departments["鼓楼街道城管办"], litter[1], "610802001")
    assert propose(litter[1], "610802001001001").lead == departments["鼓楼街道城管办"]
    assert propose(litter[1], "610802002001001").lead == departments["城管局"]


def test_with_equal_specificity_the_lower_position_wins_and_inactive_rules_are_ignored(departments, litter):
    rule(departments["城管局"], litter[1], "610802", position=20)
    rule(departments["住建局"], litter[1], "610802", position=10)
    rule(departments["环保局"], litter[1], "610802", position=1, is_active=False)
    assert propose(litter[1], "610802001001001").lead == departments["住建局"]


def test_without_a_rule_the_nearest_default_lead_department_leads(departments, litter):
    top, leaf = litter
    top.default_lead_department = departments["城管局"]
    top.save()
    route = propose(leaf, "610802001001001")
    assert route.lead == departments["城管局"] and route.rule is None


def test_rule_changes_are_kept_in_history(departments, litter):
    changed = rule(departments["城管局"], litter[1], "610802")
    changed.lead_department = departments["住建局"]
    changed.save()
    assert [h.lead_department.name for h in changed.history.order_by("history_date")] == ["城管局", "住建局"]


def test_a_prefix_that_is_not_a_division_code_is_refused(departments, litter):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError, match="位数"):
        RoutingRule(lead_department=departments["城管局"], area_prefix="61080").full_clean()
