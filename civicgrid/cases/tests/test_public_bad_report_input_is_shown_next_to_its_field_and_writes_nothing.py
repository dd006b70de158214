"""Every bad input of the report form: a message next to the field it is about, the typed values kept,
no case written and never a server error."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from civicgrid.cases.models import Attachment, Case, CategoryField
from civicgrid.testing import factories

from .test_public_support import fresh_cache, media_in_tmp, report_data, text_of  # noqa: F401

MB = 1024 * 1024

CASES = {
    "nothing at all": ({"category": "", "title": "", "description": "", "longitude": "", "latitude": "",
                        "reporter_phone": ""},
                       {"category": "请选择一个启用的事项分类", "title": "请填写标题", "description": "请填写描述",
                        "location": "请在地图上选定位置或填写地址", "reporter_phone": "请填写手机号"}),
    "title too long": ({"title": "长" * 101}, {"title": "标题最多 100 个字，现有 101 个"}),
    "description over the category's limit": ({"description": "字" * 61}, {"description": "描述最多 60 个字"}),
    "address too long": ({"address": "路" * 201}, {"address": "地址最多 200 个字"}),
    "name too long": ({"reporter_name": "名" * 51}, {"reporter_name": "姓名最多 50 个字"}),
    "wrong phone": ({"reporter_phone": "12345"}, {"reporter_phone": "不是有效的中国大陆手机号"}),
    "letters for coordinates": ({"longitude": "abc", "latitude": "def"}, {"location": "位置坐标无效"}),
    "half a point": ({"latitude": ""}, {"location": "位置坐标无效"}),
    "infinite coordinates": ({"longitude": "inf", "latitude": "1e999"}, {"location": "位置坐标无效"}),
    "a point outside China": ({"longitude": "2.35", "latitude": "48.85"}, {"location": "不在中国境内"}),
    "swapped coordinates": ({"longitude": "38.29", "latitude": "109.71"}, {"location": "经纬度似乎填反了"}),
    "unknown category": ({"category": "987654"}, {"category": "请选择一个启用的事项分类"}),
    "a category number too big for the database": ({"category": "9" * 30}, {"category": "20"}),
    "text for a category": ({"category": "垃圾"}, {"category": "请选择一个启用的事项分类"}),
    "a null character": ({"title": "井盖\x00缺失"}, {"title": "不允许"}),
    "missing extra field": ({"extra_people": None}, {"extra_people": "“涉及人数”为必填项"}),
    "extra number that is not one": ({"extra_people": "十二"}, {"extra_people": "“涉及人数”应为数字"}),
    "extra choice not offered": ({"extra_kind": "核废料"}, {"extra_kind": "不在可选项中"}),
}


@pytest.fixture
def category(street_litter, yulin):
    street_litter.description_max_length = 60
    street_litter.save()
    CategoryField.objects.create(category=street_litter, code="people", label="涉及人数", field_type="number",
                                 required=True)
    CategoryField.objects.create(category=street_litter, code="kind", label="垃圾种类", field_type="choice",
                                 choices=["生活垃圾", "建筑垃圾"])
    return street_litter


@pytest.mark.parametrize("changes, expected", CASES.values(), ids=CASES.keys())
def test_bad_input_gets_its_message_next_to_the_field_and_writes_nothing(client, category, changes, expected):
    data = report_data(category, **{"extra_people": "3", **changes})
    response = client.post(reverse("public:report"), data)

    assert response.status_code == 200
    assert Case.objects.count() == 0
    html = response.content.decode()
    for field, message in expected.items():
        assert message in text_of(html, f"field-{field}"), field
    assert "提交未成功" in text_of(html, "form-problems")


def test_the_form_keeps_what_was_typed(client, category):
    data = report_data(category, title="路灯不亮", reporter_phone="12345", address="榆阳区新建路 12 号",
                       extra_people="7")
    html = client.post(reverse("public:report"), data).content.decode()
    for typed in ("路灯不亮", "垃圾三天没人清运", "榆阳区新建路 12 号", 'value="12345"', 'value="7"',
                  'value="109.71"', 'value="38.29"'):
        assert typed in html
    assert f'value="{category.pk}" data-limit="60"' in html and "checked" in text_of_chosen(html)


def text_of_chosen(html: str) -> str:
    start = html.index('id="category-chosen"')
    return html[start:html.index("</div>", start)]


UPLOADS = {
    "a text file named .jpg": (lambda: [SimpleUploadedFile("photo.jpg", b"just some text, not a picture")],
                               "类型不允许上传"),
    "an 11 MB photo": (lambda: [factories.jpeg("big.jpg", size=11 * MB)], "超过了"),
    "an empty file": (lambda: [SimpleUploadedFile("empty.jpg", b"")], "空文件"),
    "ten photos": (lambda: [factories.jpeg(f"p{i}.jpg") for i in range(10)], "一次最多上传 9 个文件"),
}


@pytest.mark.parametrize("files, message", UPLOADS.values(), ids=UPLOADS.keys())
def test_a_refused_upload_is_named_next_to_the_photos_and_nothing_is_stored(client, category, files, message):
    response = client.post(reverse("public:report"), report_data(category, extra_people="3", photos=files()))
    assert response.status_code == 200 and Case.objects.count() == 0 and Attachment.objects.count() == 0
    html = response.content.decode()
    assert message in text_of(html, "field-photos")
    assert "请重新选择" in html


def test_an_11_mb_photo_is_refused_with_the_limit_named(client, category):
    response = client.post(reverse("public:report"),
                           report_data(category, extra_people="3", photos=[factories.jpeg("big.jpg", size=11 * MB)]))
    assert "10.0 MB" in text_of(response.content.decode(), "field-photos")


def test_bad_input_everywhere_at_once_is_reported_in_one_round(client, category):
    data = report_data(category, title="", reporter_phone="999", longitude="x", extra_people="many")
    html = client.post(reverse("public:report"), data).content.decode()
    for field in ("title", "reporter_phone", "location", "extra_people"):
        assert text_of(html, f"field-{field}"), field
    assert Case.objects.count() == 0
