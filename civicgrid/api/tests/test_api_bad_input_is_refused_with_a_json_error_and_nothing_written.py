import json

import pytest

from civicgrid.cases.models import Case, CaseEvent, CategoryField

from .conftest import filing


@pytest.fixture
def api(as_staff, intake_clerk, street_litter):
    CategoryField.objects.create(category=street_litter, code="kind", label="垃圾类型", field_type="choice",
                                 choices=["生活垃圾", "建筑垃圾"], required=True)
    street_litter.description_max_length = 20
    street_litter.save()
    return as_staff(intake_clerk)


def refused(answer, status: int, field: str | None = None) -> dict:
    assert answer.status_code == status, answer.content
    body = answer.json()
    assert set(body) == {"code", "message", "details"} and body["message"]
    if field:
        assert field in body["details"], body
    assert not Case.objects.exists()
    return body


GOOD = {"channel": "hotline", "description": "路口有垃圾", "extra": {"kind": "生活垃圾"}}


def test_a_good_filing_passes_so_the_refusals_below_are_for_their_own_reason(api):
    assert api.post("/cases", filing(**GOOD)).status_code == 201


@pytest.mark.parametrize(("change", "field"), [
    ({"colour": "red"}, "colour"),
    ({"reporter": {"name": "李四", "age": 3}}, "reporter.age"),
    ({"location": {"longitude": 109.71, "latitude": 38.29, "height": 1}}, "location.height"),
])
def test_unknown_fields_are_refused(api, change, field):
    assert refused(api.post("/cases", filing(**GOOD, **change)), 422, field)["details"][field] == "不认识的字段。"


@pytest.mark.parametrize(("change", "field"), [
    ({"title": 42}, "title"),
    ({"location": {"longitude": "东经", "latitude": 38.29}}, "location.longitude"),
    ({"reporter": {"anonymous": "maybe"}}, "reporter.anonymous"),
    ({"priority": "whenever"}, "priority"),
])
def test_wrong_types_are_refused(api, change, field):
    refused(api.post("/cases", {**filing(**GOOD), **change}), 422, field)


def test_an_unknown_category_code_is_refused(api):
    refused(api.post("/cases", filing(**{**GOOD, "category": "09.009"})), 422, "category")


def test_coordinates_outside_the_city_are_refused(api):
    outside = {"longitude": 116.4, "latitude": 39.9}
    assert "网格" in refused(api.post("/cases", filing(**GOOD, location=outside)), 422, "location")["message"]


def test_a_missing_required_attribute_is_refused(api):
    refused(api.post("/cases", filing(**{**GOOD, "extra": {}})), 422, "extra.kind")


def test_a_value_not_in_the_list_is_refused(api):
    body = refused(api.post("/cases", filing(**{**GOOD, "extra": {"kind": "核废料"}})), 422, "extra.kind")
    assert "生活垃圾" in body["details"]["extra.kind"]


def test_a_description_over_the_category_limit_is_refused(api):
    body = refused(api.post("/cases", filing(**{**GOOD, "description": "字" * 21})), 422, "description")
    assert "20" in body["details"]["description"]


def test_text_a_database_cannot_store_is_refused(api):
    refused(api.post("/cases", filing(**{**GOOD, "title": "井盖\x00缺失"})), 422, "title")


@pytest.mark.parametrize("raw", ['{"category": "01.001",', "[1, 2]", '"just text"', b"\xff\xfe not utf-8"])
def test_malformed_json_is_refused(api, raw):
    answer = api.post("/cases", raw=raw)
    assert answer.status_code in (400, 422)
    refused(answer, answer.status_code)


def test_a_huge_body_is_refused_as_too_large(api):
    huge = json.dumps(filing(**{**GOOD, "description": "字" * 3_000_000}))
    assert refused(api.post("/cases", raw=huge), 413)["code"] == "too_large"


def test_a_bad_step_is_refused_and_nothing_is_written(api):
    case = Case.objects.get(number=api.post("/cases", filing(**GOOD)).json()["number"])
    for body, status in [({"action": "teleport"}, 422), ({"action": "register", "version": 99}, 409),
                         ({"action": "register", "colour": 1}, 422), ({"action": "dispatch"}, 409)]:
        answer = api.post(f"/cases/{case.number}/actions", body)
        assert answer.status_code == status, (body, answer.content)
        assert set(answer.json()) == {"code", "message", "details"}
    assert CaseEvent.objects.filter(case=case).count() == 1


@pytest.mark.parametrize("path", ["/departments/99999999999999999999", "/assignments/99999999999999999999"])
def test_an_id_too_large_for_the_database_is_refused_not_a_crash(api, path):
    answer = api.get(path)
    assert answer.status_code == 422 and answer.json()["code"] == "invalid"
