from django.urls import reverse

from civicgrid.cases.choices import Channel, Status
from civicgrid.cases.models import Attachment, Case
from civicgrid.testing import factories

from .test_public_support import PHONE, fresh_cache, media_in_tmp, report_data  # noqa: F401


def test_a_resident_files_a_report_with_a_photo_and_sees_its_number(client, street_litter, yulin):
    page = client.get(reverse("public:report"))
    assert page.status_code == 200 and "csrfmiddlewaretoken" in page.content.decode()

    data = report_data(street_litter, photos=[factories.jpeg("site.jpg")])
    response = client.post(reverse("public:report"), data)

    case = Case.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse("public:done", args=[case.number])
    assert case.status == Status.REPORTED and case.channel == Channel.WEB and case.reported_by is None
    assert case.area.code == "610802001001001" and case.reporter_phone == PHONE
    assert Attachment.objects.get(case=case).name == "site.jpg"
    done = client.get(response["Location"]).content.decode()
    assert case.number in done and "查询进度" in done


def test_the_confirmation_page_is_only_for_the_browser_that_filed_it(client, reported_case):
    response = client.get(reverse("public:done", args=[reported_case.number]))
    assert response.status_code == 404


def test_a_phone_typed_with_spaces_and_plus_86_is_stored_as_eleven_digits(client, street_litter, yulin):
    client.post(reverse("public:report"), report_data(street_litter, reporter_phone="+86 138-0013-8000"))
    assert Case.objects.get().reporter_phone == PHONE


def test_an_anonymous_resident_may_leave_no_phone_and_is_told_they_cannot_track(client, street_litter, yulin):
    data = report_data(street_litter, anonymous="on", reporter_phone="", reporter_name="王五")
    response = client.post(reverse("public:report"), data, follow=True)
    case = Case.objects.get()
    assert case.anonymous and case.reporter_name == "" and case.reporter_phone == ""
    assert "无法在线查询" in response.content.decode()


def test_the_extra_fields_of_the_category_are_filed_with_the_case(client, street_litter, yulin):
    from civicgrid.cases.models import CategoryField

    CategoryField.objects.create(category=street_litter, code="people", label="涉及人数", field_type="number",
                                 required=True)
    CategoryField.objects.create(category=street_litter, code="kinds", label="垃圾种类", field_type="multi_choice",
                                 choices=["生活垃圾", "建筑垃圾"])
    data = report_data(street_litter, extra_people="12", extra_kinds=["生活垃圾", "建筑垃圾"])
    assert client.post(reverse("public:report"), data).status_code == 302
    assert Case.objects.get().extra == {"people": "12", "kinds": ["生活垃圾", "建筑垃圾"]}
