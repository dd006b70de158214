"""``reported_to`` before ``reported_from`` matched no case and said nothing; now it is a 400 naming both."""


def test_a_reversed_range_is_refused_with_both_fields_named(as_staff, shift_lead, case_in_a):
    answer = as_staff(shift_lead).get("/cases", {"reported_from": "2026-03-10T00:00:00+08:00",
                                                 "reported_to": "2026-03-01T00:00:00+08:00"})
    assert answer.status_code == 400
    body = answer.json()
    assert body["code"] == "invalid" and set(body["details"]) == {"reported_from", "reported_to"}
    assert "reported_to 早于 reported_from" in body["message"]


def test_the_refusal_follows_accept_language(as_staff, shift_lead, case_in_a):
    answer = as_staff(shift_lead, "en").get("/cases", {"reported_from": "2026-03-10T00:00:00",
                                                       "reported_to": "2026-03-01T00:00:00"})
    assert answer.status_code == 400
    assert answer.json()["message"] == "reported_to is before reported_from: no case can fall in that period."


def test_a_range_in_order_still_lists(as_staff, shift_lead, case_in_a):
    answer = as_staff(shift_lead).get("/cases", {"reported_from": "2000-01-01T00:00:00+08:00",
                                                 "reported_to": "2099-01-01T00:00:00+08:00"})
    assert [c["number"] for c in answer.json()["items"]] == [case_in_a.number]
