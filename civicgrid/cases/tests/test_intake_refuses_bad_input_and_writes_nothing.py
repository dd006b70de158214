"""Bad reports get a message per field in Chinese and leave no case, event or file behind."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings

from civicgrid.cases.intake import file_case
from civicgrid.cases.models import Attachment, Case, CaseEvent
from civicgrid.cases.workflow import InvalidInput
from civicgrid.testing import factories


def refused(report, user=None) -> dict:
    with pytest.raises(InvalidInput) as caught:
        file_case(report, user)
    assert (Case.objects.count(), CaseEvent.objects.count(), Attachment.objects.count()) == (0, 0, 0)
    return caught.value.errors


def test_every_bad_field_is_named_at_once(street_litter, yulin, intake_clerk):
    errors = refused(factories.report(street_litter, title="", description="很" * 2001, reporter_phone="12345",
                                      reporter_id_number="610102199001011234", address="址" * 201,
                                      channel="hotline"), intake_clerk)
    assert errors["title"] == "请填写标题。"
    assert "最多 2000 个字" in errors["description"]
    assert "不是有效的中国大陆手机号" in errors["reporter_phone"]
    assert "校验码" in errors["reporter_id_number"] and "1990" not in errors["reporter_id_number"]
    assert "最多 200 个字" in errors["address"]


def test_a_point_outside_the_city_is_refused_without_an_address(street_litter, yulin):
    errors = refused(factories.report(street_litter, point=(108.9, 34.3)))
    assert "不在榆阳区的任何网格内" in errors["location"] and "填写地址" in errors["location"]


def test_a_point_outside_the_city_with_an_address_is_filed_for_the_centre_to_place(street_litter, yulin):
    case = file_case(factories.report(street_litter, point=(108.9, 34.3), address="榆阳区某小区北门"))
    assert case.area == yulin["county"] and case.centre_area == yulin["county"]
    assert "请中心定位" in case.placement_warning and "请中心定位" in case.events.get().note


def test_coordinates_outside_china_are_refused(street_litter, yulin):
    assert "不在中国境内" in refused(factories.report(street_litter, point=(10.0, 50.0)))["location"]


def test_neither_point_nor_address_is_refused(street_litter, yulin):
    assert "选定位置或填写地址" in refused(factories.report(street_litter, longitude=None, latitude=None,
                                                            point=(None, None)))["location"]


def test_an_upload_that_is_not_an_allowed_type_is_refused_with_the_types_named(street_litter, yulin):
    script = SimpleUploadedFile("photo.jpg", b"#!/bin/sh\nrm -rf /\n", content_type="image/jpeg")
    errors = refused(factories.report(street_litter, files=[script]))
    assert "只接受 JPEG、PNG" in errors["files.photo.jpg"]


@override_settings(CIVICGRID_UPLOAD_MAX_MB=1)
def test_an_upload_over_the_size_limit_is_refused_with_the_limit_named(street_litter, yulin):
    errors = refused(factories.report(street_litter, files=[factories.jpeg(size=1024 * 1024 + 1)]))
    assert "超过了 1 MB 的上限" in errors["files.photo.jpg"]


def test_a_required_extra_field_is_asked_for_by_its_label(street_litter, yulin):
    from civicgrid.cases.models import CategoryField

    CategoryField.objects.create(category=street_litter, code="people", label="涉及人数", field_type="number",
                                 required=True)
    assert "涉及人数" in refused(factories.report(street_litter))["extra.people"]


def test_a_good_report_with_a_photo_is_filed_with_the_photo_stored(street_litter, yulin, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    case = file_case(factories.report(street_litter, files=[factories.jpeg()]))
    attachment = case.attachments.get()
    assert attachment.content_type == "image/jpeg" and attachment.file.name.startswith(f"cases/{case.number}/")
    assert (tmp_path / attachment.file.name).exists()


def test_an_anonymous_report_keeps_no_name_or_id_but_the_phone_for_tracking(street_litter, yulin, intake_clerk):
    case = file_case(factories.report(street_litter, anonymous=True, reporter_id_number="11010519491231002X",
                                      channel="hotline"), intake_clerk)
    assert (case.reporter_name, case.reporter_id_number, case.reporter_phone) == ("", "", "13800138000")
