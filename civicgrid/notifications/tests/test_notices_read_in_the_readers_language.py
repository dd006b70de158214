"""A notice keeps its wording's code and parameters and reads in the language of whoever opens it: an English
user's list says "Case … (Being handled) is overdue." where a Chinese user's says "案件 …（处置中）已超期。".
Its stored text stays in the site's language whatever language the step was taken in; a notice written as
free text, or under a code no app registers, shows its stored text."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import translation

from civicgrid.api import keys
from civicgrid.cases import sweep
from civicgrid.cases.services import transition
from civicgrid.notifications.models import Notice
from civicgrid.notifications.services import notify


@pytest.fixture
def dispatched(reported_case, intake_clerk, township_dispatcher, department_handler,
               django_capture_on_commit_callbacks):
    transition(reported_case, "register", intake_clerk)
    # The dispatcher works in English; the notice to the department is written after the commit.
    with translation.override("en"), django_capture_on_commit_callbacks(execute=True):
        transition(reported_case, "dispatch", township_dispatcher, lead=department_handler.assignments.get().department)
    reported_case.refresh_from_db()
    return reported_case


@pytest.fixture
def overdue(dispatched, township_dispatcher):
    sweep.run(now=dispatched.due_at + timedelta(minutes=1))
    return Notice.objects.get(recipient=township_dispatcher, kind="overdue")


def in_english(client, user):
    client.force_login(user)
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    return client


def test_the_notice_stores_a_code_its_parameters_and_chinese_words(overdue, dispatched):
    assert overdue.code == "case.overdue"
    assert overdue.params == {"number": dispatched.number, "status": "dispatched"}
    assert overdue.text == f"案件 {dispatched.number}（处置中）已超期。"


def test_a_notice_sent_by_an_english_click_is_stored_in_chinese(dispatched, department_handler):
    notice = Notice.objects.get(recipient=department_handler, code="case.dispatched")
    assert notice.text == f"新派遣案件 {dispatched.number}：{dispatched.title}"


def test_the_notice_reads_in_the_readers_language(overdue, dispatched):
    assert overdue.message == f"案件 {dispatched.number}（处置中）已超期。"
    with translation.override("en"):
        assert overdue.message == f"Case {dispatched.number} (Being handled) is overdue."


def test_the_notices_page_shows_english_to_an_english_user(client, overdue, township_dispatcher, dispatched):
    html = in_english(client, township_dispatcher).get(reverse("notifications:list")).content.decode()
    assert f"Case {dispatched.number} (Being handled) is overdue." in html
    assert "已超期" not in html


def test_the_api_answers_in_the_requests_language_with_the_code_and_parameters(client, overdue, township_dispatcher,
                                                                               dispatched):
    token = keys.create_token(township_dispatcher, "tests")[1]
    for language, text in (("zh-hans", f"案件 {dispatched.number}（处置中）已超期。"),
                           ("en", f"Case {dispatched.number} (Being handled) is overdue.")):
        items = client.get("/api/v1/notices", HTTP_AUTHORIZATION=f"Bearer {token}",
                           HTTP_ACCEPT_LANGUAGE=language).json()["items"]
        shown = next(item for item in items if item["id"] == overdue.pk)
        assert (shown["text"], shown["code"], shown["params"]) == (text, "case.overdue", overdue.params)


def test_free_text_and_unknown_codes_show_the_stored_words(township_dispatcher, reported_case):
    free = notify([township_dispatcher], "new_task", "请明早到岗交接。", reported_case)[0]
    orphan = Notice.objects.create(recipient=township_dispatcher, kind="new_task", text="旧应用的通知",
                                   code="gone.app", params={"x": 1})
    broken = Notice.objects.create(recipient=township_dispatcher, kind="overdue", text="参数不全的通知",
                                   code="case.overdue", params={"number": "1"})
    with translation.override("en"):
        assert (free.message, orphan.message, broken.message) == ("请明早到岗交接。", "旧应用的通知", "参数不全的通知")
