import pytest

from civicgrid.cases.models import CategoryField
from civicgrid.testing import factories


@pytest.fixture
def with_fields(street_litter):
    CategoryField.objects.create(category=street_litter.parent, code="people", label="涉及人数", field_type="number",
                                 required=True)
    CategoryField.objects.create(category=street_litter, code="kind", label="垃圾类型", field_type="choice",
                                 choices=["生活垃圾", "建筑垃圾"])
    return street_litter


def test_the_tree_lists_top_categories_then_their_children(as_staff, grid_worker, with_fields):
    api = as_staff(grid_worker)
    assert [(c["code"], c["is_leaf"]) for c in api.get("/categories").json()["items"]] == [("01", False)]
    assert [(c["code"], c["is_leaf"]) for c in api.get("/categories", {"parent": "01"}).json()["items"]] == [
        ("01.001", True)]


def test_a_category_shows_its_own_and_inherited_fields(as_staff, grid_worker, with_fields):
    detail = as_staff(grid_worker).get("/categories/01.001").json()
    fields = {f["code"]: f for f in detail["fields"]}
    assert fields["people"]["datatype"] == "number" and fields["people"]["required"] is True
    assert fields["kind"]["choices"] == ["生活垃圾", "建筑垃圾"]
    assert [a["code"] for a in detail["ancestors"]] == ["01"]


def test_a_category_shows_the_limit_of_every_stage_at_every_priority(as_staff, grid_worker, with_fields):
    limits = {(t["stage"], t["priority"]): (t["amount"], t["unit"])
              for t in as_staff(grid_worker).get("/categories/01.001").json()["time_limits"]}
    assert len(limits) == 18
    assert limits["handle", "normal"] == (1, "work_days")  # inherited from 市容环境
    assert limits["handle", "urgent"] == (4, "work_hours")


def test_an_inactive_or_unknown_category_answers_404(as_staff, grid_worker, street_litter):
    factories.category("02", "停用分类", is_active=False)
    api = as_staff(grid_worker)
    assert api.get("/categories/02").status_code == 404
    assert api.get("/categories/09.009").json()["code"] == "not_found"
