"""An upload is stored and named by what its content is, never by the name it came with: ``x.html`` holding a
PNG is stored as a ``.png``, named ``x.png`` and served as ``image/png``; a file that claims to be a photo
but is not one Pillow can read, or is no allowed type at all, is refused with a clear message and nothing
is written."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from civicgrid.cases.intake import file_case
from civicgrid.cases.models import Attachment, Case
from civicgrid.cases.workflow import InvalidInput
from civicgrid.testing import factories


@pytest.fixture(autouse=True)
def _city_and_media(yulin, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def png_named(name: str) -> SimpleUploadedFile:
    found = io.BytesIO()
    Image.new("RGB", (8, 8), (0, 120, 0)).save(found, "PNG")
    return SimpleUploadedFile(name, found.getvalue(), content_type="text/html")


def test_an_html_name_holding_a_png_is_stored_and_served_as_a_png(client, street_litter, township_dispatcher):
    case = file_case(factories.report(street_litter, files=[png_named("x.html")]))
    attachment = case.attachments.get()
    assert attachment.file.name.endswith(".png") and attachment.name == "x.png"
    assert attachment.content_type == "image/png"
    client.force_login(township_dispatcher)
    response = client.get(reverse("cases:attachment", args=[case.number, attachment.pk]))
    assert response["Content-Type"] == "image/png"
    assert "x.png" in response["Content-Disposition"] and "html" not in response["Content-Disposition"]


def test_html_itself_is_refused_with_the_types_allowed(street_litter):
    upload = SimpleUploadedFile("x.html", b"<html><script>alert(1)</script></html>", content_type="image/png")
    with pytest.raises(InvalidInput) as refused:
        file_case(factories.report(street_litter, files=[upload]))
    assert "只接受 JPEG、PNG、WebP、PDF、MP4" in refused.value.errors["files.x.html"]
    assert not Case.objects.exists() and not Attachment.objects.exists()


def test_a_broken_photo_is_refused_as_not_a_valid_image(street_litter):
    upload = SimpleUploadedFile("坏.jpg", b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + b"\x00" * 500)
    with pytest.raises(InvalidInput) as refused:
        file_case(factories.report(street_litter, files=[upload]))
    assert "不是完整有效的图片" in refused.value.errors["files.坏.jpg"]
    assert not Case.objects.exists()


def test_the_public_form_says_so_next_to_the_photos(client, street_litter):
    lon, lat = factories.GRID_A_POINT
    response = client.post(reverse("public:report"), {
        "category": street_litter.pk, "title": "路灯不亮", "description": "门口路灯坏了。", "longitude": lon,
        "latitude": lat, "reporter_name": "李四", "reporter_phone": "13800138000",
        "photos": SimpleUploadedFile("x.html", b"<html></html>")})
    assert response.status_code == 200 and "只接受 JPEG" in response.content.decode()
    assert not Case.objects.exists()
