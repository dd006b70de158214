"""Who acted on a case is kept as a role and the organisation acted for, and reads in the reader's language:
"鼓楼街道综治中心" to a Chinese reader, "鼓楼街道 Comprehensive Governance Centre" to an English one (names of
places and departments are proper nouns, kept as written), on the staff page, the tracking page, the API and
Open311. What goes out in words to others (the stored label, webhooks, the resident's SMS) stays Chinese,
whoever clicked."""

import pytest
from django.urls import reverse
from django.utils import translation

from civicgrid.api import keys
from civicgrid.cases import actors
from civicgrid.cases.services import transition
from civicgrid.notifications.models import OutboxMessage

from .test_public_support import dispatch_to, fresh_cache, look_up, text_of  # noqa: F401

CENTRE_EN = "鼓楼街道 Comprehensive Governance Centre"


@pytest.fixture
def case(reported_case, intake_clerk, township_dispatcher, department_handler, django_capture_on_commit_callbacks):
    with translation.override("en"), django_capture_on_commit_callbacks(execute=True):  # an English-speaking centre
        dispatch_to(reported_case, intake_clerk, township_dispatcher, department_handler)
    transition(reported_case, "accept", department_handler, assignment=reported_case.assignments.get())
    return reported_case


def test_each_event_stores_a_role_the_organisation_and_chinese_words(case, department_handler):
    department = department_handler.assignments.get().department.name
    stored = list(case.events.values_list("action", "actor_role", "actor_org", "actor_label"))
    assert stored == [("report", "resident", "", "诉求人"), ("register", "intake_clerk", "鼓楼街道", "鼓楼街道综治中心"),
                      ("dispatch", "dispatcher", "鼓楼街道", "鼓楼街道综治中心"),
                      ("accept", "department", department, department)]


def test_the_staff_page_names_them_in_english(client, case, township_dispatcher):
    client.force_login(township_dispatcher)
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    timeline = text_of(client.get(reverse("cases:detail", args=[case.number])).content.decode(), "timeline")
    assert f"{township_dispatcher} ({CENTRE_EN})" in timeline and "Reporter" in timeline
    assert "综治中心" not in timeline and "诉求人" not in timeline


def test_the_tracking_page_names_them_in_english(client, case):
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    look_up(client, case.number)
    timeline = text_of(client.get(reverse("public:case", args=[case.number])).content.decode(), "timeline")
    assert CENTRE_EN in timeline and "综治中心" not in timeline


def test_the_api_names_them_in_the_requests_language_chinese_by_default(client, case, township_dispatcher):
    token = keys.create_token(township_dispatcher, "tests")[1]

    def events(language):
        answer = client.get(f"/api/v1/cases/{case.number}/events", HTTP_AUTHORIZATION=f"Bearer {token}",
                            HTTP_ACCEPT_LANGUAGE=language)
        return {e["action"]: (e["actor_label"], e["actor_role"], e["actor_org"]) for e in answer.json()["items"]}

    assert events("zh-hans")["register"] == ("鼓楼街道综治中心", "intake_clerk", "鼓楼街道")
    assert events("en")["register"] == (CENTRE_EN, "intake_clerk", "鼓楼街道")
    assert events("en")["report"] == ("Reporter", "resident", "")


def test_the_residents_sms_goes_out_in_chinese_after_an_english_click(case):
    body = OutboxMessage.objects.get(channel="sms").body
    assert body.startswith("【综治中心】您反映的问题已受理") and case.number in body


def test_every_kind_of_actor_reads_in_english():
    cases = {("resident", ""): "Reporter", ("system", ""): "System", ("channel", "hotline"): "12345 hotline",
             ("department", "榆阳区城市管理局"): "榆阳区城市管理局", ("centre", "榆阳区"): "榆阳区 Comprehensive Governance Centre",
             ("grid_head", "鸳鸯湖第1网格"): "Grid worker (鸳鸯湖第1网格)", ("leader", "榆阳区"): "Leader, 榆阳区"}
    with translation.override("en"):
        assert {key: actors.words(*key) for key in cases} == cases


def test_an_event_without_a_role_shows_its_stored_words():
    with translation.override("en"):
        assert actors.words("", "", "某某办公室") == "某某办公室"
