from django.db import connection
from django.test.utils import CaptureQueriesContext

from civicgrid.cases.intake import file_case
from civicgrid.testing import factories


def test_following_next_visits_every_case_exactly_once(as_staff, shift_lead, street_litter):
    filed = {file_case(factories.report(street_litter, title=f"第{n}件")).number for n in range(23)}
    api, seen, cursor = as_staff(shift_lead), [], None
    while True:
        page = api.get("/cases", {"limit": 5, **({"cursor": cursor} if cursor else {})}).json()
        seen += [c["number"] for c in page["items"]]
        cursor = page["next"]
        if cursor is None:
            break
    assert len(seen) == len(set(seen)) == 23 and set(seen) == filed


def test_a_page_of_25_costs_as_many_queries_as_a_page_of_5(as_staff, shift_lead, street_litter):
    for n in range(30):
        file_case(factories.report(street_litter, title=f"第{n}件"))
    api = as_staff(shift_lead)
    api.get("/cases", {"limit": 5})  # warm the per-process caches (calendar, locator)

    def queries(limit):
        with CaptureQueriesContext(connection) as captured:
            assert len(api.get("/cases", {"limit": limit}).json()["items"]) == limit
        return len(captured)

    assert queries(5) == queries(25)


def test_a_forged_cursor_is_refused(as_staff, shift_lead, case_in_a):
    answer = as_staff(shift_lead).get("/cases", {"cursor": "not-a-cursor"})
    assert answer.status_code == 422 and answer.json()["code"] == "invalid_cursor"
