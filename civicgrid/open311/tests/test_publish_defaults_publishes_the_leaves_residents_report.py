"""``publish_defaults`` publishes the leaf categories residents report (city appearance, street order, municipal
facilities, noise…) under their own codes, never disputes or petitions, and leaves administrators' choices alone."""

import pytest

from civicgrid.cases.categories import load_default_categories
from civicgrid.cases.models import Category
from civicgrid.open311.models import Service
from civicgrid.open311.services import publish_defaults


@pytest.fixture
def categories(db):
    load_default_categories()


def test_the_default_services_are_leaves_of_the_chosen_branches(categories):
    made = publish_defaults()
    services = {s.category.name: s for s in Service.objects.select_related("category")}
    assert made == len(services) > 50
    litter = services["暴露垃圾"]
    assert litter.service_code == litter.category.code and litter.group == "市容环境" and litter.published
    assert {"噪音污染", "城市公共设施", "占道经营", "路面塌陷"} <= set(services)
    assert "其他" not in services
    assert not Service.objects.filter(category__code__startswith="60").exists()  # 矛盾纠纷
    assert not any(Category.objects.filter(parent=s.category).exists() for s in services.values())


def test_a_second_run_keeps_what_administrators_changed(categories):
    publish_defaults()
    Service.objects.filter(category__name="暴露垃圾").update(published=False, service_code="litter")
    assert publish_defaults() == 0
    assert Service.objects.get(category__name="暴露垃圾").service_code == "litter"
    assert not Service.objects.get(category__name="暴露垃圾").published
