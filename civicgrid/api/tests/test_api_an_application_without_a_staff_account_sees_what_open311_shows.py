"""A key with no staff account behind it is a public client: it sees cases of published services only, no
reporter's name or phone, and of the files only the results' photos, as the tracking page shows them."""

from civicgrid.open311.services import publish


def test_a_case_of_an_unpublished_category_does_not_exist_for_it(as_application, case_in_a):
    api = as_application()
    assert api.get(f"/cases/{case_in_a.number}").status_code == 404
    assert api.get("/cases").json()["items"] == []


def test_a_case_of_a_published_service_is_shown_without_its_reporter(as_application, case_in_a, street_litter):
    publish(street_litter)
    answer = as_application().get(f"/cases/{case_in_a.number}").json()
    assert answer["number"] == case_in_a.number
    assert answer["reporter"] == {"name": "", "phone": "", "id_number": "", "anonymous": False}


def test_staff_still_see_the_reporter_masked(as_staff, township_dispatcher, case_in_a):
    reporter = as_staff(township_dispatcher).get(f"/cases/{case_in_a.number}").json()["reporter"]
    assert reporter["name"] == case_in_a.reporter_name and reporter["phone"] == "138****8000"
