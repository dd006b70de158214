import pytest
from django.urls import reverse

from civicgrid.cases.models import CategoryField
from civicgrid.testing import factories

from .test_public_support import text_of


@pytest.fixture
def tree(db):
    """市容环境 with 35 kinds of litter and a closed branch; 城乡建设 › 市政设施 › 路灯不亮."""
    factories.category("01", "市容环境")
    for n in range(1, 36):
        factories.category(f"01.{n:02d}", f"垃圾问题{n}")
    factories.category("02", "城乡建设", kind="request")
    factories.category("02.01", "市政设施", kind="request")
    lamp = factories.category("02.01.001", "路灯不亮", kind="request", description_max_length=300)
    factories.category("03", "已停用大类", is_active=False)
    factories.category("03.01", "停用大类下的小类")
    return lamp


def search(client, **params) -> dict:
    return client.get(reverse("public:categories"), params).json()


def test_a_search_finds_leaves_by_name_with_their_path_and_at_most_30(client, tree):
    found = search(client, q="垃圾")
    assert len(found["results"]) == 30 and found["more"] is True
    assert all(entry["leaf"] and entry["path"].startswith("市容环境 › 垃圾问题") for entry in found["results"])


def test_a_search_matches_words_of_the_path_too(client, tree):
    found = search(client, q="市政设施 路灯")
    assert [(e["id"], e["path"], e["limit"]) for e in found["results"]] == [(tree.pk, "城乡建设 › 市政设施 › 路灯不亮", 300)]
    assert found["more"] is False


def test_inactive_branches_are_never_offered(client, tree):
    assert search(client, q="停用")["results"] == []
    assert "已停用大类" not in [e["name"] for e in search(client)["results"]]


def test_browsing_walks_down_the_tree_from_the_top(client, tree):
    top = search(client)["results"]
    assert [(e["code"], e["leaf"]) for e in top] == [("01", False), ("02", False)]
    middle = search(client, **{"in": "02"})
    assert [e["name"] for e in middle["results"]] == ["市政设施"] and [t["name"] for t in middle["trail"]] == ["城乡建设"]
    assert [e["name"] for e in search(client, **{"in": "02.01"})["results"]] == ["路灯不亮"]


def test_without_javascript_the_search_reloads_the_form_with_the_matches_as_choices(client, tree, yulin):
    html = client.get(reverse("public:report"), {"q": "路灯"}).content.decode()
    assert f'name="category" value="{tree.pk}"' in html
    assert "城乡建设 › 市政设施 › 路灯不亮" in text_of(html, "category-results")


def test_the_chosen_categorys_extra_fields_and_description_limit_come_as_html(client, tree):
    CategoryField.objects.create(category=tree, code="pole", label="灯杆编号", field_type="text", max_length=20,
                                 required=True)
    html = client.get(reverse("public:category_fields"), {"category": tree.pk}).content.decode()
    assert 'data-description-limit="300"' in html and 'name="extra_pole"' in html and "灯杆编号" in html
    assert 'maxlength="20"' in html


def test_the_fields_of_an_unknown_category_are_empty_not_an_error(client, tree):
    response = client.get(reverse("public:category_fields"), {"category": "abc"})
    assert response.status_code == 200 and "extra_" not in response.content.decode()
