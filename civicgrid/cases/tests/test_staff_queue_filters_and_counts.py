from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from civicgrid.cases.intake import file_case
from civicgrid.cases.models import Case
from civicgrid.testing import factories


@pytest.fixture
def cases(street_litter, yulin, intake_clerk):
    """Four cases of township A: two reported today (one by hotline), one registered, one red and old."""
    other = factories.category("02", "噪声扰民", kind="complaint")
    now = timezone.now()
    made = {
        "web": file_case(factories.report(street_litter, title="垃圾堆放")),
        "hotline": file_case(factories.report(other, title="夜间施工噪声", channel="hotline"), intake_clerk),
        "registered": file_case(factories.report(street_litter, title="垃圾桶破损")),
        "old": file_case(factories.report(street_litter, title="路边垃圾"), now=now - timedelta(days=20)),
    }
    Case.objects.filter(pk=made["registered"].pk).update(status="registered")
    return made


def open_queue(client, user, **params):
    """The queue with the filters given; every status unless one is asked for (a dispatcher's opens on 待派遣)."""
    client.force_login(user)
    return client.get(reverse("cases:queue"), {"status": "", **params})


def numbers(page) -> set[str]:
    return {c.number for c in page.context["page"]}


def test_counts_per_status_and_light_cover_the_current_filters(client, township_dispatcher, cases):
    page = open_queue(client, township_dispatcher)
    assert page.context["found"].status_counts == {"reported": 3, "registered": 1}
    assert page.context["found"].light_counts == {"green": 3, "red": 1}
    assert page.context["all_count"] == 4


def test_filtering_by_status_keeps_the_status_counts_and_narrows_the_light_counts(client, township_dispatcher, cases):
    page = open_queue(client, township_dispatcher, status="registered")
    assert numbers(page) == {cases["registered"].number}
    assert page.context["found"].status_counts == {"reported": 3, "registered": 1}
    assert page.context["found"].light_counts == {"green": 1}


def test_filtering_by_light_in_sql(client, township_dispatcher, cases):
    page = open_queue(client, township_dispatcher, light="red")
    assert numbers(page) == {cases["old"].number}
    assert page.context["found"].status_counts == {"reported": 1}


def test_filtering_by_channel_category_area_and_text(client, township_dispatcher, cases):
    assert numbers(open_queue(client, township_dispatcher, channel="hotline")) == {cases["hotline"].number}
    assert numbers(open_queue(client, township_dispatcher, category="02")) == {cases["hotline"].number}
    assert len(numbers(open_queue(client, township_dispatcher, category="01"))) == 3
    assert len(numbers(open_queue(client, township_dispatcher, area="610802001001"))) == 4
    assert numbers(open_queue(client, township_dispatcher, q="噪声")) == {cases["hotline"].number}
    assert numbers(open_queue(client, township_dispatcher, q=cases["old"].number)) == {cases["old"].number}


def test_filtering_by_reporting_dates(client, township_dispatcher, cases):
    today = timezone.localdate()
    recent = open_queue(client, township_dispatcher, date_from=(today - timedelta(days=1)).isoformat())
    assert cases["old"].number not in numbers(recent) and len(numbers(recent)) == 3
    old = open_queue(client, township_dispatcher, date_to=(today - timedelta(days=10)).isoformat())
    assert numbers(old) == {cases["old"].number}


def test_open_cases_and_a_bad_filter_value_is_shown_and_ignored(client, township_dispatcher, cases):
    page = open_queue(client, township_dispatcher, status="open", channel="pigeon")
    assert len(numbers(page)) == 4
    assert "channel" in page.context["form"].errors


def test_the_centre_queue_shows_its_own_centres_cases_by_default(client, township_dispatcher, cases):
    Case.objects.filter(pk=cases["web"].pk).update(centre_area=factories.area("610802"))  # escalated to the county
    assert cases["web"].number not in numbers(open_queue(client, township_dispatcher))
    assert cases["web"].number in numbers(open_queue(client, township_dispatcher, centre="all"))  # still its area
    county = factories.staff_with_role("dispatcher", area=factories.area("610802"), username="county_dispatcher")
    assert numbers(open_queue(client, county)) == {cases["web"].number}
    assert len(numbers(open_queue(client, county, centre="all"))) == 4


def test_the_queue_masks_phones_and_hides_anonymous_reporters(client, township_dispatcher, street_litter):
    file_case(factories.report(street_litter, reporter_phone="13912345678"))
    file_case(factories.report(street_litter, anonymous=True, reporter_phone="13700001111"))
    html = open_queue(client, township_dispatcher).content.decode()
    assert "139****5678" in html and "13912345678" not in html
    assert "匿名" in html and "13700001111" not in html and "137****1111" not in html


def test_htmx_gets_only_the_results(client, township_dispatcher, cases):
    client.force_login(township_dispatcher)
    html = client.get(reverse("cases:queue"), {"status": "registered"}, headers={"HX-Request": "true"}).content.decode()
    assert html.lstrip().startswith('<div id="queue-results">') and "<nav" not in html.split("queue-results")[0]
    assert cases["registered"].number in html and cases["web"].number not in html
