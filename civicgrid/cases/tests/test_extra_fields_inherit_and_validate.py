import datetime

import pytest
from django.core.exceptions import ValidationError

from civicgrid.cases.choices import FieldType
from civicgrid.cases.models import CategoryField


@pytest.fixture
def fields(tree):
    """涉及人数 and 发生日期 on 城乡建设; 影响范围, 涉及设施, 现场描述 on 燃气供应."""
    top, gas = tree["01"], tree["01.01.001"]
    CategoryField.objects.create(category=top, code="people", label="涉及人数", field_type=FieldType.NUMBER, required=True)
    CategoryField.objects.create(category=top, code="since", label="发生日期", field_type=FieldType.DATE)
    CategoryField.objects.create(
        category=gas, code="scope", label="影响范围", field_type=FieldType.CHOICE, required=True,
        choices=["单户", "整栋楼", "整个小区"],
    )
    CategoryField.objects.create(
        category=gas, code="facilities", label="涉及设施", field_type=FieldType.MULTI_CHOICE,
        choices=["管道", "阀门", "燃气表"],
    )
    CategoryField.objects.create(category=gas, code="detail", label="现场描述", max_length=10)
    return tree


GOOD = {"people": 12, "since": "2024-05-01", "scope": "整栋楼", "facilities": ["阀门"], "detail": "闻到燃气味"}


def test_a_subcategory_asks_for_its_ancestors_fields_then_its_own(fields):
    assert [f.code for f in fields["01.01.001"].all_fields()] == ["people", "since", "scope", "facilities", "detail"]
    assert [f.code for f in fields["01.01.002"].all_fields()] == ["people", "since"]


def test_a_nearer_field_with_the_same_code_overrides_the_ancestors(fields):
    CategoryField.objects.create(
        category=fields["01.01.001"], code="people", label="受影响户数", field_type=FieldType.NUMBER
    )
    people = next(f for f in fields["01.01.001"].all_fields() if f.code == "people")
    assert people.label == "受影响户数" and not people.required
    assert len(fields["01.01.001"].all_fields()) == 5


def test_good_values_pass_including_numbers_and_dates_typed_as_text(fields):
    gas = fields["01.01.001"]
    assert gas.extra_value_errors(GOOD) == {}
    assert gas.extra_value_errors({**GOOD, "people": " 12.5 ", "since": datetime.date(2024, 5, 1)}) == {}
    assert gas.extra_value_errors({"people": "3", "scope": "单户"}) == {}


@pytest.mark.parametrize(
    ("values", "code", "message"),
    [
        ({"people": None}, "people", "“涉及人数”为必填项。"),
        ({"scope": "  "}, "scope", "“影响范围”为必填项。"),
        ({"people": "十二"}, "people", "“涉及人数”应为数字，“十二”不是数字。"),
        ({"people": True}, "people", "“涉及人数”应为数字，“True”不是数字。"),
        ({"people": "NaN"}, "people", "“涉及人数”应为数字，“NaN”不是数字。"),
        ({"since": "2024-02-30"}, "since", "“发生日期”应为日期（如 2024-05-01），“2024-02-30”不是有效日期。"),
        ({"scope": "半个小区"}, "scope", "“影响范围”的值“半个小区”不在可选项中（可选：单户、整栋楼、整个小区）。"),
        ({"facilities": ["阀门", "水表"]}, "facilities", "“涉及设施”的值“水表”不在可选项中（可选：管道、阀门、燃气表）。"),
        ({"facilities": "阀门"}, "facilities", "“涉及设施”应为选项列表。"),
        ({"detail": "楼道里一直闻到很浓的燃气味"}, "detail", "“现场描述”不能超过 10 个字，现有 13 个字。"),
        ({"detail": 42}, "detail", "“现场描述”应为文本。"),
        ({"colour": "红"}, "colour", "没有名为“colour”的附加字段。"),
    ],
)
def test_each_bad_value_gets_a_message_naming_the_field(fields, values, code, message):
    assert fields["01.01.001"].extra_value_errors({**GOOD, **values}) == {code: message}


def test_every_bad_value_is_reported_at_once(fields):
    errors = fields["01.01.001"].extra_value_errors({"since": "昨天", "scope": "全市"})
    assert set(errors) == {"people", "since", "scope"}


@pytest.mark.parametrize(
    ("field_type", "choices", "max_length", "problem"),
    [
        (FieldType.CHOICE, [], None, "choices"),
        (FieldType.MULTI_CHOICE, ["是", ""], None, "choices"),
        (FieldType.TEXT, ["是"], None, "choices"),
        (FieldType.NUMBER, [], 10, "max_length"),
    ],
)
def test_a_field_definition_that_cannot_work_is_refused(tree, field_type, choices, max_length, problem):
    field = CategoryField(category=tree["01"], code="x", label="某字段", field_type=field_type, choices=choices,
                          max_length=max_length)
    with pytest.raises(ValidationError) as caught:
        field.full_clean()
    assert problem in caught.value.message_dict
