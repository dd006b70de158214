import re

import pytest
from django.core.management import call_command

from civicgrid.cases.models import Category

pytestmark = pytest.mark.django_db
HAN = re.compile(r"[\u4e00-\u9fff]")


@pytest.fixture
def loaded(capsys):
    call_command("load_categories")
    capsys.readouterr()


def test_no_loaded_category_lacks_an_english_name(loaded):
    assert list(Category.objects.filter(name_en="").values_list("code", "name")) == []


def test_every_english_name_and_path_is_written_in_english(loaded):
    assert [(c.code, c.path_en) for c in Category.objects.all() if HAN.search(c.path_en)] == []


def test_every_class_is_spelled_for_the_search(loaded):
    assert not Category.objects.filter(pinyin="").exists() and not Category.objects.filter(initials="").exists()
    lamp = Category.objects.get(path="城管部件 › 公用设施 › 路灯")
    assert (lamp.pinyin, lamp.initials, lamp.name_en) == ("ludeng", "ld", "Street light")
    assert "灯不亮" in lamp.synonyms.split("、")
