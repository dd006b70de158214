from django.urls import reverse

from civicgrid.cases.models import Case

from .test_public_support import fresh_cache, media_in_tmp, report_data, text_of  # noqa: F401

OUTSIDE = {"longitude": "110.5", "latitude": "38.9"}  # in China, in no grid of the city


def test_a_point_outside_every_grid_without_an_address_is_refused_with_a_message(client, street_litter, yulin):
    response = client.post(reverse("public:report"), report_data(street_litter, **OUTSIDE))
    assert response.status_code == 200 and Case.objects.count() == 0
    message = text_of(response.content.decode(), "field-location")
    assert "不在" in message and "任何网格内" in message and "填写地址" in message


def test_a_point_outside_every_grid_with_an_address_is_filed_for_the_centre_to_place(client, street_litter, yulin):
    data = report_data(street_litter, address="榆阳区长城北路 8 号", **OUTSIDE)
    done = client.post(reverse("public:report"), data, follow=True)
    case = Case.objects.get()
    assert case.area == yulin["county"] and (case.longitude, case.latitude) == (110.5, 38.9)
    warning = text_of(done.content.decode(), "placement-warning")
    assert "已按地址受理" in warning and case.number in done.content.decode()


def test_no_point_but_an_address_is_filed_with_the_warning(client, street_litter, yulin):
    data = report_data(street_litter, longitude="", latitude="", address="鼓楼街道新建路 12 号")
    done = client.post(reverse("public:report"), data, follow=True)
    assert Case.objects.get().longitude is None
    assert "未选定位置" in text_of(done.content.decode(), "placement-warning")
