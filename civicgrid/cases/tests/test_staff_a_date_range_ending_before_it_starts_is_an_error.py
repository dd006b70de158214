"""A queue filtered from a day to an earlier day matched nothing and said nothing: now the 至 field says what is
wrong, in the user's language, and neither date narrows the list."""

import pytest
from django.urls import reverse
from django.utils import timezone

from civicgrid.cases.intake import file_case
from civicgrid.testing import factories

# Every status: a dispatcher's queue opens on 待派遣, and the case here is still 待受理.
REVERSED = {"date_from": "2026-03-10", "date_to": "2026-03-01", "status": ""}


@pytest.fixture
def a_case(street_litter, yulin):
    return file_case(factories.report(street_litter))


def test_the_queue_marks_the_end_date_and_keeps_listing(client, township_dispatcher, a_case):
    client.force_login(township_dispatcher)
    page = client.get(reverse("cases:queue"), REVERSED)
    assert page.status_code == 200
    assert page.context["form"].errors["date_to"] == ["结束日期 2026-03-01 早于开始日期 2026-03-10，请检查起止日期。"]
    assert [c.number for c in page.context["page"]] == [a_case.number]
    assert "结束日期 2026-03-01 早于开始日期 2026-03-10" in page.content.decode()


def test_a_filter_change_through_htmx_says_it_as_a_message(client, township_dispatcher, a_case):
    client.force_login(township_dispatcher)
    html = client.get(reverse("cases:queue"), REVERSED, HTTP_HX_REQUEST="true").content.decode()
    assert 'id="messages" hx-swap-oob="true"' in html
    assert "至：结束日期 2026-03-01 早于开始日期 2026-03-10" in html


def test_the_message_is_in_english_for_an_english_user(client, township_dispatcher, a_case):
    client.force_login(township_dispatcher)
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    page = client.get(reverse("cases:queue"), REVERSED)
    assert page.context["form"].errors["date_to"] == [
        "The end date 2026-03-01 is before the start date 2026-03-10: please check the dates."]


def test_a_range_of_one_day_is_no_error(client, township_dispatcher, a_case):
    client.force_login(township_dispatcher)
    day = timezone.localdate(a_case.reported_at).isoformat()  # the queue's dates are the centre's days
    page = client.get(reverse("cases:queue"), {"date_from": day, "date_to": day, "status": ""})
    assert not page.context["form"].errors
    assert [c.number for c in page.context["page"]] == [a_case.number]
