import pytest

from civicgrid.cases.intake import file_case
from civicgrid.cases.services import transition
from civicgrid.testing import factories


@pytest.fixture
def three_cases(street_litter, yulin, intake_clerk):
    urgent = file_case(factories.report(street_litter, title="紧急井盖", priority="urgent", channel="hotline"),
                       user=intake_clerk)
    walked_in = file_case(factories.report(street_litter, title="来访反映", channel="walk_in"), user=intake_clerk)
    registered = file_case(factories.report(street_litter, title="普通垃圾"))
    transition(registered, "register", intake_clerk)
    return urgent, walked_in, registered


def numbers(answer) -> set[str]:
    assert answer.status_code == 200, answer.content
    return {c["number"] for c in answer.json()["items"]}


def test_the_list_filters_by_status_channel_text_and_time(as_staff, shift_lead, three_cases):
    urgent, walked_in, registered = three_cases
    api = as_staff(shift_lead)
    assert numbers(api.get("/cases")) == {c.number for c in three_cases}
    assert numbers(api.get("/cases", {"status": "registered"})) == {registered.number}
    assert numbers(api.get("/cases", {"channel": "walk_in"})) == {walked_in.number}
    assert numbers(api.get("/cases", {"q": "紧急"})) == {urgent.number}
    assert numbers(api.get("/cases", {"area": "610802002"})) == set()
    assert numbers(api.get("/cases", {"category": "01", "light": "green", "overdue": "false"})) == numbers(
        api.get("/cases"))
    assert numbers(api.get("/cases", {"reported_from": "2099-01-01T00:00:00+08:00"})) == set()


def test_the_detail_and_the_timeline_never_show_a_full_phone_or_id_number(as_staff, shift_lead, case_in_a):
    api = as_staff(shift_lead)
    detail = api.get(f"/cases/{case_in_a.number}")
    assert detail.json()["reporter"] == {"name": "张三", "phone": "138****8000", "id_number": "610102********1231",
                                         "anonymous": False}
    for answer in (detail, api.get("/cases"), api.get(f"/cases/{case_in_a.number}/events")):
        assert "13800138000" not in answer.content.decode()
        assert "610102199001011231" not in answer.content.decode()
    assert [e["action"] for e in api.get(f"/cases/{case_in_a.number}/events").json()["items"]] == ["report"]


def test_a_time_range_beyond_any_case_is_refused_not_a_crash(as_staff, shift_lead, case_in_a):
    answer = as_staff(shift_lead).get("/cases", {"reported_to": "9999-12-31T23:59:59"})
    assert answer.status_code == 422 and "reported_to" in answer.json()["details"]


def test_an_application_without_a_staff_account_sees_the_timeline_residents_see(as_application, intake_clerk,
                                                                               case_in_a, published_litter):
    transition(case_in_a, "request_void", intake_clerk, note="疑似重复，张三来电")
    transition(case_in_a, "register", intake_clerk)
    events = as_application("610802001").get(f"/cases/{case_in_a.number}/events").json()["items"]
    assert [e["action"] for e in events] == ["report", "register"]
    assert "张三来电" not in str(events)
