"""``redact`` takes what identifies a person out of a resident's words before a public map shows them: mobiles
and landlines however they are typed, 18-digit ID numbers, the reporter's name as stored, and a name someone
gives (我叫…, 姓名：…, 我姓…); the rest of the text, numbers that are not phones included, stays as written."""

import pytest

from civicgrid.core.redaction import MASK, redact

PHONES = {
    "a bare mobile": "请回电13800138000谢谢",
    "a mobile in groups": "我的手机 138 0013 8000 。",
    "a mobile with dashes": "联系138-0013-8000",
    "a mobile with the country code": "+86 13800138000",
    "a mobile with 0086": "008613800138000",
    "a landline with its area code": "请打0912-3456789",
    "a landline in brackets": "（0912）3456789",
    "a landline with an extension": "010-88886666转123",
    "a landline without a dash": "01088886666",
    "a short number after 电话": "电话：3288123",
    "a number after 座机": "座机号是 328 8123",
}


@pytest.mark.parametrize("text", list(PHONES.values()), ids=list(PHONES))
def test_every_shape_of_phone_number_is_taken_out(text):
    redacted = redact(text)
    assert MASK in redacted
    assert not any(digits in redacted.replace(" ", "").replace("-", "") for digits in ("0013", "3456789", "8888",
                                                                                       "3288123", "8123"))


def test_an_id_number_is_taken_out_whole_with_its_check_character():
    assert redact("身份证号61010219900101123X，住5号楼") == f"身份证号{MASK}，住5号楼"
    assert redact("证件610102199001011234。") == f"证件{MASK}。"


def test_the_reporters_name_is_taken_out_and_so_is_their_surname_with_a_title():
    text = "张三反映：楼下路灯不亮，张先生希望尽快修好。李四也这么说。"
    assert redact(text, ["张三"]) == f"{MASK}反映：楼下路灯不亮，{MASK}先生希望尽快修好。李四也这么说。"


def test_a_name_someone_gives_is_taken_out():
    assert redact("我叫王小明，住在新建路。") == f"我叫{MASK}，住在新建路。"
    assert redact("姓名：欧阳娜娜。电话见上") == f"姓名：{MASK}。电话见上"
    assert redact("联系人李四") == f"联系人{MASK}"
    assert redact("我姓赵，是这里的住户") == f"我姓{MASK}，是这里的住户"


def test_words_that_only_look_like_an_introduction_stay():
    text = "我叫物业来处理了好几次"
    assert redact(text) == text


def test_numbers_that_are_not_phones_stay():
    text = "积水深约30厘米，已持续2天，共12袋垃圾，2026-11-21 发现，案件610802-20261121-00042，门牌88号"
    assert redact(text) == text


def test_one_character_names_and_empty_names_change_nothing():
    text = "王家门口的路灯坏了"
    assert redact(text, ["王", "", "  "]) == text
