"""受理登记: centre staff record a call or a visit; the case page then shows nearby duplicates."""

from civicgrid.cases.intake import file_case
from civicgrid.cases.models import Case
from civicgrid.testing import factories


def form(category, **fields):
    return {"category": str(category.pk), "title": "楼道堆放杂物", "description": "三单元楼道堆满纸箱，影响通行。",
            "longitude": "109.7101", "latitude": "38.2901", "address": "", "reporter_name": "王五",
            "reporter_phone": "", "channel": "hotline", "priority": "urgent", "reporter_id_number": "", **fields}


def test_an_intake_clerk_records_a_hotline_call_without_a_phone_and_sees_the_duplicate(
        client, intake_clerk, street_litter, reported_case):
    client.force_login(intake_clerk)
    response = client.post("/cases/new/", form(street_litter), follow=True)
    case = Case.objects.exclude(pk=reported_case.pk).get()
    assert (case.channel, case.priority, case.reported_by) == ("hotline", "urgent", intake_clerk)
    page = response.content.decode()
    assert f"已登记，案件编号 {case.number}" in page and reported_case.number in page


def test_a_bad_id_number_is_shown_next_to_its_field_and_nothing_is_filed(client, intake_clerk, street_litter):
    client.force_login(intake_clerk)
    page = client.post("/cases/new/", form(street_litter, reporter_id_number="110105194912310021")).content.decode()
    assert "校验码" in page and not Case.objects.exists()


def test_a_grid_worker_may_only_choose_the_grid_worker_channel(client, grid_worker, street_litter):
    client.force_login(grid_worker)
    page = client.get("/cases/new/").content.decode()
    assert 'value="grid_worker"' in page and 'value="hotline"' not in page
    client.post("/cases/new/", form(street_litter, channel="hotline"))
    assert not Case.objects.exists()


def test_a_department_handler_has_no_intake_page(client, department_handler):
    client.force_login(department_handler)
    assert client.get("/cases/new/").status_code == 404


def test_a_case_filed_outside_the_clerks_scope_opens_as_their_own_report(client, intake_clerk, street_litter):
    client.force_login(intake_clerk)
    response = client.post("/cases/new/", form(street_litter, longitude="109.73", latitude="38.29"))
    case = Case.objects.get()
    assert case.area_code.startswith("610802002")
    assert response.status_code == 302 and response.url == f"/cases/{case.number}/"
    assert client.get(response.url).status_code == 200


def test_the_resident_form_still_needs_a_phone(client, street_litter, yulin):
    page = client.post("/report/", form(street_litter)).content.decode()
    assert "请填写手机号" in page and not Case.objects.exists()
    assert file_case(factories.report(street_litter)).channel == "web"
