"""The searches a new user tried on /report/ (issue 10): each now finds a fitting class of the default lists first."""

import pytest
from django.core.management import call_command
from django.urls import reverse

pytestmark = pytest.mark.django_db


@pytest.fixture
def default_lists(capsys):
    call_command("load_categories")
    capsys.readouterr()


def first_results(client, query: str, n: int = 1) -> list[str]:
    found = client.get(reverse("public:categories"), {"q": query}).json()["results"]
    return [entry["path"] for entry in found[:n]]


@pytest.mark.parametrize(("query", "fitting"), [
    ("路灯", "城管部件 › 公用设施 › 路灯"),
    ("狗", "城管事件 › 其他事件 › 违规养犬"),
    ("吵架", "矛盾纠纷 › 邻里纠纷 › 邻里争吵"),
    ("邻居吵架", "矛盾纠纷 › 邻里纠纷 › 邻里争吵"),
    ("噪音", "城管事件 › 其他事件 › 社会生活噪声"),
    ("井盖", "城管事件 › 突发事件 › 井盖缺失"),
])
def test_the_searches_that_found_nothing_find_a_fitting_class_first(client, default_lists, query, fitting):
    assert first_results(client, query) == [fitting]


def test_parking_finds_illegal_parking_of_cars_and_then_of_bicycles(client, default_lists):
    assert first_results(client, "停车", 2) == [
        "城管事件 › 街面秩序 › 机动车乱停放", "城管事件 › 街面秩序 › 非机动车乱停放"]


@pytest.mark.parametrize(("phrase", "fitting"), [
    ("小区门口的路灯坏了好几天", "城管部件 › 公用设施 › 路灯"),
    ("灯不亮", "城管部件 › 公用设施 › 路灯"),
    ("楼下邻居又吵架了", "矛盾纠纷 › 邻里纠纷 › 邻里争吵"),
    ("门口有人乱停车", "城管事件 › 街面秩序 › 机动车乱停放"),
])
def test_a_whole_phrase_finds_the_class_whose_name_or_other_name_it_holds(client, default_lists, phrase, fitting):
    assert first_results(client, phrase) == [fitting]


def test_staff_intake_searches_the_same_way(client, default_lists, intake_clerk):
    client.force_login(intake_clerk)
    html = client.get(reverse("cases:new"), {"q": "停车"}).content.decode()
    results = html[html.index('id="category-results"'):]
    assert results.index("机动车乱停放") < results.index("停车场")
