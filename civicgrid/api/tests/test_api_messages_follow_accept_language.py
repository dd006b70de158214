from .conftest import filing


def test_chinese_is_asked_for_and_given(as_staff, outsider, case_in_a):
    answer = as_staff(outsider, language="zh-hans").get(f"/cases/{case_in_a.number}")
    assert answer.json() == {"code": "not_found", "message": "没有找到，或不在您的权限范围内。", "details": {}}


def test_english_keeps_the_same_codes_with_a_message(as_staff, outsider, intake_clerk, case_in_a):
    answer = as_staff(outsider, language="en").get(f"/cases/{case_in_a.number}")
    assert answer.json()["code"] == "not_found" and answer.json()["message"]
    refused = as_staff(intake_clerk, language="en").post("/cases", filing(channel="hotline", title=""))
    assert refused.json()["code"] == "invalid" and refused.json()["details"]["title"]


def test_a_validation_error_in_chinese_names_the_field_in_chinese(as_staff, intake_clerk, street_litter):
    answer = as_staff(intake_clerk, language="zh-hans").post("/cases", {**filing(), "colour": "red"})
    assert answer.json()["message"] == "请求内容有误，请检查各字段。"
    assert answer.json()["details"]["colour"] == "不认识的字段。"
