"""``search.find``: every kind of match, in its rank, a leaf before a branch on a tie, in one query."""

import pytest

from civicgrid.cases import search
from civicgrid.testing import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def tree(db):
    """城市设施 › 路灯 / 路灯井盖 / 灯杆路灯维护 / 夜间照明 (other name 路灯坏了) / 绿地 / 街道照明 (other name 灯);
    路灯管理 › 巡查 (a branch named by the query and a leaf found only by its path)."""
    factories.category("01", "城市设施")
    made = {name: factories.category(f"01.{n:02d}", name, synonyms=synonyms) for n, (name, synonyms) in enumerate([
        ("路灯", "街灯"), ("路灯井盖", ""), ("灯杆路灯维护", ""), ("夜间照明", "路灯坏了、灯不亮"), ("绿地", "草坪"),
        ("街道照明", "灯"),
    ], start=1)}
    made["路灯管理"] = factories.category("02", "路灯管理")
    made["巡查"] = factories.category("02.01", "巡查")
    return made


def names(query: str) -> list[str]:
    found, _more = search.find(query)
    return [category.name for category in found]


def test_the_name_comes_first_then_names_that_begin_with_the_query_then_names_holding_it(tree):
    assert names("路灯")[:4] == ["路灯", "路灯井盖", "路灯管理", "灯杆路灯维护"]


def test_a_leaf_comes_before_a_branch_that_matches_as_well(tree):
    assert names("路灯").index("路灯井盖") < names("路灯").index("路灯管理")


def test_only_a_name_above_it_matches_comes_last(tree):
    assert names("路灯")[-1] == "巡查"


def test_another_name_that_is_the_query_comes_right_after_the_name(tree):
    assert names("路灯坏了")[0] == "夜间照明"
    assert names("街灯") == ["路灯", "街道照明"]


def test_a_phrase_holding_a_name_finds_it_before_a_phrase_holding_another_name(tree):
    assert names("门口路灯坏了两天")[:2] == ["路灯", "夜间照明"]
    assert names("晚上灯一直不亮") == ["街道照明"]


def test_initials_and_full_pinyin_find_a_category_whatever_the_case(tree):
    assert names("ld")[:2] == ["路灯", "绿地"]
    assert names("LDJG") == ["路灯井盖"]
    assert names("ludeng")[:2] == ["路灯", "路灯井盖"]
    assert names("jdzm") == ["街道照明"]


def test_every_word_must_match_somewhere_in_the_path(tree):
    assert names("路灯管理 巡查") == ["巡查"]
    assert names("路灯 草坪") == []


def test_an_inactive_branch_hides_everything_under_it(tree):
    tree["路灯管理"].is_active = False
    tree["路灯管理"].save()
    assert "巡查" not in names("巡查") and "路灯管理" not in names("路灯")


def test_a_search_is_one_query_once_the_process_keeps_the_index(tree, settings, django_assert_num_queries):
    settings.CIVICGRID_REFERENCE_RECHECK_S = 300
    search.forget()
    with django_assert_num_queries(2):  # the index, then the search
        search.find("门口路灯坏了两天")
    with django_assert_num_queries(1):
        assert names("门口路灯坏了两天")[:2] == ["路灯", "夜间照明"]
    search.forget()


def test_other_names_given_in_the_admin_are_searched_at_once_in_that_process(tree, settings, admin_client):
    settings.CIVICGRID_REFERENCE_RECHECK_S = 300
    search.forget()
    assert names("楼道太黑了") == []
    response = admin_client.post(f"/admin/cases/category/{tree['街道照明'].pk}/change/", {
        "name": "街道照明", "synonyms": "楼道太黑", "kind": "urban_event", "is_active": "on", "ordering": "6",
        "duplicate_radius_m": "200", "duplicate_days": "7", "description_max_length": "2000",
        "time_limits-TOTAL_FORMS": "0", "time_limits-INITIAL_FORMS": "0",
        "extra_fields-TOTAL_FORMS": "0", "extra_fields-INITIAL_FORMS": "0"})
    assert response.status_code == 302
    assert names("楼道太黑了") == ["街道照明"]  # the phrase holds the new other name, looked up in a fresh index
    search.forget()
