"""A household belongs under a responsibility unit the keeper answers for: a unit of another grid, or an area
that is no unit (a grid, a community), is refused with a message naming it, and nothing is saved."""

import pytest

from civicgrid.cases.workflow import InvalidInput
from civicgrid.households.models import Household
from civicgrid.households.services import HouseholdDraft, add_household


def draft(unit, **fields):
    return HouseholdDraft(**{"unit": unit, "door": "302室", "head_name": "李秀兰", "head_phone": "139 1234 5678",
                             "residents": 3, **fields})


def test_a_grid_worker_registers_a_household_under_a_floor_of_their_grid(grid_worker, units):
    made = add_household(grid_worker, draft(units["floor"]))
    assert (made.unit_code, made.door, made.head_phone, made.residents) == (units["floor"].code, "302室",
                                                                          "13912345678", 3)


def test_a_unit_of_another_grid_is_refused_naming_its_grid(grid_worker, units):
    with pytest.raises(InvalidInput) as refused:
        add_household(grid_worker, draft(units["other_grid"]))
    assert refused.value.errors["unit"] == "“青山1号楼”属于青山路第1网格，不在您负责的范围内。"
    assert not Household.objects.exists()


def test_a_floor_head_may_not_register_on_the_floor_above(heads, units):
    with pytest.raises(InvalidInput) as refused:
        add_household(heads["floor_head"], draft(units["upper"]))
    assert "不在您负责的范围内" in refused.value.errors["unit"]
    assert not Household.objects.exists()


def test_a_grid_is_not_a_unit(grid_worker, yulin):
    with pytest.raises(InvalidInput) as refused:
        add_household(grid_worker, draft(yulin["grid_a"]))
    assert refused.value.errors["unit"] == "“鸳鸯湖第1网格”不是楼栋、楼层等责任单元，住户只能登记在责任单元下。"
    assert not Household.objects.exists()


@pytest.mark.parametrize(("fields", "field", "message"), [
    ({"door": " "}, "door", "请填写门牌号。"),
    ({"head_name": ""}, "head_name", "请填写户主姓名。"),
    ({"head_phone": "12345"}, "head_phone", "“12345”不是有效的中国大陆手机号（11 位，以 13–19 开头）。"),
    ({"residents": 0}, "residents", "居住人数应为 1 到 99 之间的整数。"),
    ({"notes": "坏\x07字符"}, "notes", "备注含有不允许的控制字符（U+0007），请删除后再提交。"),
])
def test_each_bad_field_is_named_and_nothing_is_saved(grid_worker, units, fields, field, message):
    with pytest.raises(InvalidInput) as refused:
        add_household(grid_worker, draft(units["floor"], **fields))
    assert refused.value.errors[field] == message
    assert not Household.objects.exists()


def test_the_same_door_twice_in_one_unit_is_refused(grid_worker, units):
    add_household(grid_worker, draft(units["floor"]))
    with pytest.raises(InvalidInput) as refused:
        add_household(grid_worker, draft(units["floor"], head_name="另一户"))
    assert refused.value.errors["door"] == "“1层”已登记门牌号为“302室”的住户。"
    assert Household.objects.count() == 1


def test_the_page_shows_the_refusal_on_the_unit_field_and_saves_nothing(client, grid_worker, units, yulin):
    client.force_login(grid_worker)
    body = {"unit": units["other_grid"].code, "door": "101", "head_name": "张三", "residents": "2"}
    response = client.post(f"/households/area/{yulin['grid_a'].code}/new/", body)
    assert response.status_code == 200
    assert "请选择您负责的楼栋、楼层等责任单元。" in response.content.decode()
    assert not Household.objects.exists()
