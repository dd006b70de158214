from civicgrid.cases.models import Case

from .conftest import filing


def test_a_clerk_files_a_hotline_case_and_gets_it_back_masked(as_staff, intake_clerk, street_litter):
    answer = as_staff(intake_clerk).post("/cases", filing(channel="hotline"))
    assert answer.status_code == 201
    body = answer.json()
    case = Case.objects.get(number=body["number"])
    assert (case.channel, case.area_code, case.reported_by) == ("hotline", "610802001001001", intake_clerk)
    assert body["reporter"]["phone"] == "139****5678" and "13912345678" not in answer.content.decode()
    assert "register" in {step["action"] for step in body["actions"]}


def test_a_grid_worker_files_on_their_only_channel_without_naming_it(as_staff, grid_worker, street_litter):
    answer = as_staff(grid_worker).post("/cases", filing())
    assert answer.status_code == 201 and answer.json()["channel"] == "grid_worker"


def test_an_application_without_a_staff_account_files_as_a_resident_on_open311(as_application, street_litter):
    answer = as_application("610802001").post("/cases", filing())
    assert answer.status_code == 201
    case = Case.objects.get(number=answer.json()["number"])
    assert (case.channel, case.reported_by) == ("open311", None)
    assert answer.json()["actions"] == []


def test_an_application_may_not_file_on_a_staff_channel_without_a_staff_account(as_application, street_litter):
    answer = as_application("610802001").post("/cases", filing(channel="hotline"))
    assert answer.status_code == 403 and answer.json()["code"] == "forbidden"
    assert not Case.objects.exists()


def test_an_application_with_a_clerks_account_files_on_the_clerks_channels(as_application, intake_clerk,
                                                                           street_litter):
    answer = as_application("610802001", staff=intake_clerk).post("/cases", filing(channel="hotline"))
    assert answer.status_code == 201
    assert Case.objects.get().reported_by == intake_clerk


def test_an_application_needs_the_file_grant(as_application, street_litter):
    answer = as_application("610802001", grants=["read"]).post("/cases", filing())
    assert answer.status_code == 403 and not Case.objects.exists()


def test_a_case_filed_by_address_only_carries_the_placement_warning(as_staff, intake_clerk, street_litter):
    answer = as_staff(intake_clerk).post("/cases", filing(channel="hotline", location=None, address="鼓楼街道某路口"))
    assert answer.status_code == 201 and answer.json()["warning"]
