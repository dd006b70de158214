from civicgrid.cases.models import Case, CaseCounter

from .conftest import filing


def test_an_application_of_township_b_cannot_see_a_case_in_township_a(as_application, case_in_a, published_litter):
    api = as_application("610802002")
    assert api.get(f"/cases/{case_in_a.number}").status_code == 404
    assert api.get("/cases").json()["items"] == []
    assert as_application("610802001").get(f"/cases/{case_in_a.number}").status_code == 200


def test_an_application_of_township_b_cannot_file_in_township_a_and_nothing_is_written(as_application,
                                                                                      street_litter):
    answer = as_application("610802002").post("/cases", filing())
    assert answer.status_code == 422
    assert answer.json()["code"] == "outside_area" and "location" in answer.json()["details"]
    assert not Case.objects.exists() and not CaseCounter.objects.exists()


def test_an_application_takes_steps_only_if_granted_and_through_a_staff_account(as_application, intake_clerk,
                                                                               case_in_a, published_litter):
    step = {"action": "register", "version": 1}
    assert as_application("610802001", grants=["read", "register"]).post(
        f"/cases/{case_in_a.number}/actions", step).status_code == 403
    assert as_application("610802001", grants=["read"], staff=intake_clerk).post(
        f"/cases/{case_in_a.number}/actions", step).status_code == 403
    answer = as_application("610802001", grants=["read", "register"], staff=intake_clerk).post(
        f"/cases/{case_in_a.number}/actions", step)
    assert answer.status_code == 200 and answer.json()["case"]["status"] == "registered"


def test_an_application_without_the_read_grant_cannot_list_cases(as_application, case_in_a):
    answer = as_application("610802001", grants=["file"]).get("/cases")
    assert answer.status_code == 403 and answer.json()["code"] == "forbidden"
