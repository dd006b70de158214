import pytest
from django.urls import reverse

from civicgrid.cases.choices import AssignmentStatus, Status
from civicgrid.cases.models import CaseEvent
from civicgrid.cases.services import transition
from civicgrid.cases.workflow import RESIDENT

from .test_public_support import close, fresh_cache, look_up, media_in_tmp, text_of  # noqa: F401


@pytest.fixture
def closed_case(reported_case, intake_clerk, township_dispatcher, department_handler, grid_worker, shift_lead):
    return close(reported_case, intake_clerk, township_dispatcher, department_handler, grid_worker, shift_lead)


def rate(client, case, satisfaction, note="", version=None):
    look_up(client, case.number)
    data = {"satisfaction": satisfaction, "note": note, "version": case.version if version is None else version}
    return client.post(reverse("public:callback", args=[case.number]), data, follow=True)


def test_a_closed_case_offers_the_callback_form_and_an_open_one_does_not(client, closed_case, reported_case):
    look_up(client, closed_case.number)
    html = client.get(reverse("public:case", args=[closed_case.number])).content.decode()
    assert text_of(html, "case-status") == "待回访" and "满意" in text_of(html, "callback")


def test_no_callback_form_while_the_case_is_in_hand(client, reported_case):
    look_up(client, reported_case.number)
    html = client.get(reverse("public:case", args=[reported_case.number])).content.decode()
    assert 'id="callback"' not in html


def test_a_satisfied_resident_ends_the_loop(client, closed_case):
    page = rate(client, closed_case, "satisfied", note="清运及时，谢谢")
    closed_case.refresh_from_db()
    assert closed_case.status == Status.RATED and closed_case.satisfaction == "satisfied"
    html = page.content.decode()
    assert "感谢" in html and text_of(html, "case-status") == "已回访" and 'id="callback"' not in html
    assert CaseEvent.objects.get(case=closed_case, action="callback").actor is None
    assert "评价：满意" in text_of(html, "timeline")


def test_an_unsatisfied_resident_reopens_the_case_and_is_told_so(client, closed_case):
    page = rate(client, closed_case, "unsatisfied", note="垃圾又堆起来了")
    closed_case.refresh_from_db()
    assert closed_case.status == Status.DISPATCHED and closed_case.rework_count == 1
    assert set(closed_case.assignments.values_list("status", flat=True)) == {AssignmentStatus.ACCEPTED}
    html = page.content.decode()
    assert "重新办理（返工）" in html and text_of(html, "case-status") == "处置中"


def test_a_callback_without_a_choice_is_asked_again_and_changes_nothing(client, closed_case):
    page = rate(client, closed_case, "")
    closed_case.refresh_from_db()
    assert closed_case.status == Status.CLOSED
    assert "请选择满意、基本满意或不满意" in text_of(page.content.decode(), "callback")


def test_a_callback_from_a_stale_page_is_refused_with_a_message(client, closed_case):
    stale = closed_case.version
    transition(closed_case, "callback", RESIDENT, satisfaction="basically")  # rated by phone meanwhile
    page = rate(client, closed_case, "unsatisfied", version=stale)
    closed_case.refresh_from_db()
    assert closed_case.status == Status.RATED and closed_case.satisfaction == "basically"
    assert "已被他人处理" in page.content.decode()


def test_a_callback_note_over_the_limit_is_refused_with_the_limit_named(client, closed_case):
    page = rate(client, closed_case, "satisfied", note="长" * 1001)
    closed_case.refresh_from_db()
    assert closed_case.status == Status.CLOSED
    assert "最多 1000 个字" in text_of(page.content.decode(), "callback")


def test_a_callback_needs_a_lookup_in_this_session(client, closed_case):
    data = {"satisfaction": "unsatisfied", "version": closed_case.version}
    response = client.post(reverse("public:callback", args=[closed_case.number]), data)
    closed_case.refresh_from_db()
    assert response.status_code == 302 and closed_case.status == Status.CLOSED


def test_a_matter_fixed_on_the_spot_shows_the_workers_result_and_can_be_rated(client, reported_case, grid_worker):
    from civicgrid.testing import factories

    transition(reported_case, "self_resolve", grid_worker, note="已现场清理", files=[factories.jpeg("fixed.jpg")])
    look_up(client, reported_case.number)
    html = client.get(reverse("public:case", args=[reported_case.number])).content.decode()
    assert "已现场清理" in text_of(html, "timeline") and "result-photo" in html and 'id="callback"' in html
    reported_case.refresh_from_db()
    rate(client, reported_case, "basically")
    reported_case.refresh_from_db()
    assert reported_case.status == Status.RATED and reported_case.satisfaction == "basically"
