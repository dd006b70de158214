"""A period that ends before it starts, reaches past today, or lacks a date is refused with its reason in the
user's language, and the page shows this month instead: nothing breaks."""

from datetime import timedelta

import pytest
from django.utils import timezone

TODAY = timezone.localdate


@pytest.mark.parametrize(("start", "end", "reason"), [
    (1, 3, "结束日期早于开始日期"),
    (3, -2, "结束日期不能晚于今天"),
    (None, 0, "自定义统计期须填写开始和结束日期"),
])
def test_the_reason_is_shown_and_this_month_read(city, people, client, start, end, reason):
    query = {"span": "custom", "end": (TODAY() - timedelta(days=end)).isoformat()}
    if start is not None:
        query["start"] = (TODAY() - timedelta(days=start)).isoformat()
    client.force_login(people["leader"])
    response = client.get("/dashboard/", query)
    assert response.status_code == 200
    page = response.content.decode()
    assert reason in page and "统计期有误，已按本月显示。" in page
    assert response.context["board"].period.start == TODAY().replace(day=1)


def test_in_english_too(city, people, client):
    client.force_login(people["leader"])
    client.cookies["django_language"] = "en"
    later = (TODAY() + timedelta(days=3)).isoformat()
    page = client.get("/dashboard/", {"span": "custom", "start": later, "end": later},
                      HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "The end date cannot be after today." in page


@pytest.mark.parametrize(("span", "first"), [("day", lambda d: d), ("week", lambda d: d - timedelta(days=d.weekday())),
                                             ("quarter", lambda d: d.replace(month=(d.month - 1) // 3 * 3 + 1, day=1)),
                                             ("year", lambda d: d.replace(month=1, day=1))])
def test_each_span_runs_from_its_first_day_to_today(city, people, client, span, first):
    client.force_login(people["leader"])
    board = client.get("/dashboard/", {"span": span}).context["board"]
    assert (board.period.start, board.period.end) == (first(TODAY()), TODAY())
