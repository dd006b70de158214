"""A reader who switched to English sees categories by their English names: the picker, the case page, the
queue; a category without an English name keeps its Chinese one."""

import pytest
from django.urls import reverse

from .test_public_support import text_of


@pytest.fixture
def english_litter(street_litter):
    parent = street_litter.parent
    parent.name_en = "City appearance"
    parent.save()  # spells the paths below it again
    street_litter.refresh_from_db()
    street_litter.name_en = "Exposed rubbish"
    street_litter.save()
    return street_litter


def in_english(client):
    client.post(reverse("set_language"), {"language": "en", "next": "/"})


def test_the_picker_answers_in_english(client, english_litter):
    in_english(client)
    [found] = client.get(reverse("public:categories"), {"q": "rubbish"}).json()["results"]
    assert (found["name"], found["path"]) == ("Exposed rubbish", "City appearance › Exposed rubbish")
    top = client.get(reverse("public:categories")).json()["results"]
    assert [entry["name"] for entry in top] == ["City appearance"]


def test_the_report_form_without_javascript_lists_english_names(client, english_litter, yulin):
    in_english(client)
    html = client.get(reverse("public:report"), {"q": "暴露垃圾"}).content.decode()
    assert "City appearance › Exposed rubbish" in text_of(html, "category-results")


def test_the_case_page_and_the_queue_show_the_english_path_and_name(client, intake_clerk, reported_case,
                                                                     english_litter):
    client.force_login(intake_clerk)
    in_english(client)
    page = client.get(reverse("cases:detail", args=[reported_case.number])).content.decode()
    assert "City appearance › Exposed rubbish" in page and "暴露垃圾" not in page
    queue = client.get(reverse("cases:queue")).content.decode()
    assert "Exposed rubbish" in queue


def test_chinese_readers_keep_the_chinese_names(client, intake_clerk, reported_case, english_litter):
    client.force_login(intake_clerk)
    page = client.get(reverse("cases:detail", args=[reported_case.number])).content.decode()
    assert "市容环境 › 暴露垃圾" in page and "Exposed rubbish" not in page


def test_a_category_without_an_english_name_shows_its_chinese_name(client, street_litter):
    in_english(client)
    [found] = client.get(reverse("public:categories"), {"q": "暴露垃圾"}).json()["results"]
    assert (found["name"], found["path"]) == ("暴露垃圾", "市容环境 › 暴露垃圾")
