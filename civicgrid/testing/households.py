"""The households' world for any app's tests: units under grid A (1号楼 with its 1层 and 2层, 2号楼) and grid B
(1号楼), a head at each level of the 五级五长, the finding categories, and a helper to register a household as
it was on a given day. The root conftest registers the fixtures (``units``, ``heads``, ``finding_categories``);
a closer conftest may define its own ``units`` (the cases' tests do)."""

from datetime import timedelta

import pytest
from django.utils import timezone

from civicgrid.geo.models import Precinct
from civicgrid.households.models import Household
from civicgrid.testing import factories


def unit(code: str, name: str, kind: str):
    found = factories.area(code, name)
    found.unit_kind = kind
    found.save(update_fields=["unit_kind"])
    return found


@pytest.fixture
def units(yulin) -> dict:
    grid_a, grid_b = yulin["grid_a"].code, yulin["grid_b"].code
    return {"building": unit(f"{grid_a}001", "1号楼", "building"), "floor": unit(f"{grid_a}001001", "1层", "floor"),
            "upper": unit(f"{grid_a}001002", "2层", "floor"), "neighbour": unit(f"{grid_a}002", "2号楼", "building"),
            "other_grid": unit(f"{grid_b}001", "青山1号楼", "building")}


def head(role: str, username: str, **anchor):
    return factories.staff_with_role(role, username=username, **anchor)


@pytest.fixture
def heads(yulin, units) -> dict:
    """片长 of a precinct holding community A, 社区长, 网格长, 楼栋长 of 1号楼, 楼层长 of its 1层."""
    precinct = Precinct.objects.create(township=yulin["township_a"], name="鼓楼第一片区")
    precinct.communities.set([yulin["community_a"]])
    return {"precinct_head": head("precinct_head", "pianzhang", precinct=precinct),
            "community_head": head("community_head", "shequzhang", area=yulin["community_a"]),
            "grid_head": head("grid_head", "wanggezhang", area=yulin["grid_a"]),
            "building_head": head("building_head", "loudongzhang", area=units["building"]),
            "floor_head": head("floor_head", "loucengzhang", area=units["floor"])}


def household(unit_area, door: str, name: str = "王建国", phone: str = "13912345678", visited_days_ago=None,
              **fields) -> Household:
    """A household, last visited ``visited_days_ago`` days ago (None: never)."""
    last = timezone.now() - timedelta(days=visited_days_ago) if visited_days_ago is not None else None
    return Household.objects.create(unit=unit_area, unit_code=unit_area.code, door=door, head_name=name,
                                    head_phone=phone, last_visited_at=last, **fields)


# Category names are unique: the urban event is not called 市容环境, which ``street_litter`` (the root conftest's) is.
FINDING_KINDS = [("request", "诉求"), ("dispute", "矛盾纠纷"), ("hazard", "安全隐患"), ("urban_event", "城市管理")]


@pytest.fixture
def finding_categories(db) -> dict:
    """A leaf category of each kind a finding may become, and one it may not (an urban-management event)."""
    found = {}
    for number, (kind, label) in enumerate(FINDING_KINDS, start=11):
        factories.category(str(number), label, kind=kind)
        found[kind] = factories.category(f"{number}.001", f"{label}事项", kind=kind)
    return found
