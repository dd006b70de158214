"""Administrators give a category other names and an English name in the admin; the search and the paths below
follow at once, without a re-import."""

import pytest

from civicgrid.cases import search
from civicgrid.cases.models import Category
from civicgrid.testing import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def lamp(db):
    factories.category("01", "市政设施")
    return factories.category("01.01", "路灯")


def change(admin_client, category: Category, **values):
    form = {"name": category.name, "name_en": category.name_en, "synonyms": category.synonyms,
            "kind": category.kind, "is_active": "on", "ordering": "1", "duplicate_radius_m": "200",
            "duplicate_days": "7", "description_max_length": "2000",
            "time_limits-TOTAL_FORMS": "0", "time_limits-INITIAL_FORMS": "0",
            "extra_fields-TOTAL_FORMS": "0", "extra_fields-INITIAL_FORMS": "0", **values}
    response = admin_client.post(f"/admin/cases/category/{category.pk}/change/", form)
    assert response.status_code == 302, response.content.decode()


def test_the_change_page_offers_the_english_name_and_other_names_and_shows_the_path(admin_client, lamp):
    page = admin_client.get(f"/admin/cases/category/{lamp.pk}/change/").content.decode()
    assert 'name="name_en"' in page and 'name="synonyms"' in page and "市政设施 › 路灯" in page
    assert 'name="pinyin"' not in page and 'name="terms"' not in page


def test_other_names_typed_with_any_separator_are_kept_in_one_form_and_found(admin_client, lamp):
    change(admin_client, lamp, synonyms="灯不亮, 街灯；路灯坏了 街灯")
    lamp.refresh_from_db()
    assert lamp.synonyms == "灯不亮、街灯、路灯坏了"
    assert [c.name for c in search.find("灯不亮")[0]] == ["路灯"]


def test_a_renamed_branch_renames_the_paths_below_it_in_both_languages(admin_client, lamp):
    change(admin_client, lamp.parent, name="城市照明", name_en="Urban lighting")
    lamp.refresh_from_db()
    assert (lamp.path, lamp.path_en) == ("城市照明 › 路灯", "Urban lighting › 路灯")
    assert [c.name for c in search.find("城市照明")[0]] == ["城市照明", "路灯"]


def test_a_renamed_category_is_found_by_its_new_pinyin(admin_client, lamp):
    change(admin_client, lamp, name="街灯")
    lamp.refresh_from_db()
    assert (lamp.pinyin, lamp.initials) == ("jiedeng", "jd")
    assert [c.name for c in search.find("jd")[0]] == ["街灯"]
