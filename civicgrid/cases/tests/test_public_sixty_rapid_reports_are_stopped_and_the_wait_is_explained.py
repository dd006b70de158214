"""60 anonymous reports sent as fast as a script can: a session files its first few without noticing anything,
then each further report waits a little after the one before, longer each time, with a message that says why and
how long; fresh sessions from one address are held up the same way, a bit later; nothing is filed by a refused
post, no session is made for it, and what was typed stays in the form."""

import time

from django.contrib.sessions.models import Session
from django.test import Client
from django.urls import reverse

from civicgrid.cases import throttles
from civicgrid.cases.models import Case

from .test_public_support import fresh_cache, media_in_tmp, report_data, text_of  # noqa: F401

URL = reverse("public:report")


def anonymous(street_litter, **overrides):
    return report_data(street_litter, anonymous="on", reporter_phone="", reporter_name="", **overrides)


def test_sixty_reports_from_one_session_file_three_and_the_rest_are_told_to_wait(client, street_litter, yulin):
    answers = [client.post(URL, anonymous(street_litter, title=f"第{n}件")) for n in range(60)]

    assert [a.status_code for a in answers[:3]] == [302, 302, 302]
    assert {a.status_code for a in answers[3:]} == {429}
    assert Case.objects.count() == 3
    message = text_of(answers[3].content.decode(), "report-wait")
    assert "请 1 分钟后再提交" in message and "批量提交" in message and "12345" in message
    assert 'value="第3件"' in answers[3].content.decode()


def test_the_page_explains_the_limit_before_anyone_meets_it(client, yulin):
    note = text_of(client.get(URL).content.decode(), "report-pace")
    assert "每天可以连续反映 3 件问题" in note and "稍等几分钟" in note


def test_a_resident_filing_three_reports_over_a_morning_never_waits(client, street_litter, yulin):
    assert [client.post(URL, anonymous(street_litter)).status_code for _ in range(3)] == [302, 302, 302]


def test_after_the_pause_the_next_report_goes_in_and_the_pause_after_it_is_longer(client, street_litter, yulin,
                                                                                  monkeypatch):
    for _ in range(4):
        client.post(URL, anonymous(street_litter))
    later = time.time() + throttles.pause_after(1) + 1
    monkeypatch.setattr(throttles.time, "time", lambda: later)

    assert client.post(URL, anonymous(street_litter)).status_code == 302
    refused = client.post(URL, anonymous(street_litter))
    assert refused.status_code == 429 and "请 2 分钟后再提交" in refused.content.decode()
    assert Case.objects.count() == 4


def test_new_sessions_from_one_address_are_held_up_after_its_own_allowance(street_litter, yulin):
    answers = [Client().post(URL, anonymous(street_litter), REMOTE_ADDR="203.0.113.5") for _ in range(15)]

    assert [a.status_code for a in answers].count(302) == 10
    assert {a.status_code for a in answers[10:]} == {429}
    assert Client().post(URL, anonymous(street_litter), REMOTE_ADDR="203.0.113.6").status_code == 302


def test_a_report_with_mistakes_does_not_count_against_the_resident(client, street_litter, yulin):
    for _ in range(5):
        assert client.post(URL, anonymous(street_litter, title="")).status_code == 200
    assert [client.post(URL, anonymous(street_litter)).status_code for _ in range(3)] == [302, 302, 302]


def test_a_refused_report_leaves_no_session_behind(street_litter, yulin):
    for _ in range(10):
        Client().post(URL, anonymous(street_litter), REMOTE_ADDR="203.0.113.5")
    sessions = Session.objects.count()
    assert Client().post(URL, anonymous(street_litter), REMOTE_ADDR="203.0.113.5").status_code == 429
    assert Session.objects.count() == sessions
