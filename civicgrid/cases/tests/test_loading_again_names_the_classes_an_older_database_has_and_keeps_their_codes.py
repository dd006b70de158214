"""A database loaded before the lists had English names, other names and the components: ``load_categories``
gives its classes their names and adds what is new, and every class it had keeps its code."""

import pytest
from django.core.management import call_command

from civicgrid.cases.categories import URBAN_EVENTS, import_taxonomy
from civicgrid.cases.models import Category

pytestmark = pytest.mark.django_db

# The urban-management events of an older list, in another order than today's file.
OLDER_EVENTS = "大类,小类\n街面秩序,机动车乱停放\n市容环境,暴露垃圾\n"


@pytest.fixture
def older(taxonomy_text):
    import_taxonomy(taxonomy_text)
    import_taxonomy(OLDER_EVENTS, "urban_events.csv", URBAN_EVENTS)
    return dict(Category.objects.values_list("path", "code"))


def load(capsys) -> str:
    call_command("load_categories")
    return capsys.readouterr().out


def test_every_class_keeps_its_code_and_gets_its_names(older, capsys):
    out = load(capsys)
    assert "taxonomy.csv：新建 0 条，更新 650 条" in out
    assert dict(Category.objects.filter(path__in=older).values_list("path", "code")) == older
    parking = Category.objects.get(path="城管事件 › 街面秩序 › 机动车乱停放")
    assert parking.code == "50.01.001" and parking.name_en == "Illegally parked motor vehicles"
    assert "停车" in parking.synonyms.split("、")
    assert parking.path_en == "Urban management events › Street order › Illegally parked motor vehicles"


def test_new_classes_take_the_free_codes_beside_the_old_ones(older, capsys):
    load(capsys)
    assert Category.objects.get(path="城管事件 › 宣传广告").code == "50.03"
    assert Category.objects.get(path="城管事件 › 街面秩序 › 无照经营游商").code == "50.01.002"
    assert Category.objects.get(path="城管部件").code == "40"


def test_names_an_administrator_wrote_survive_and_a_second_load_changes_nothing(older, capsys):
    Category.objects.filter(code="50.01.001").update(name_en="Badly parked cars", synonyms="违停")
    load(capsys)
    before = list(Category.objects.values_list("code", "name_en", "synonyms", "path_en", "terms"))
    assert load(capsys).count("没有变化") == 5
    assert list(Category.objects.values_list("code", "name_en", "synonyms", "path_en", "terms")) == before
    parking = Category.objects.get(code="50.01.001")
    assert (parking.name_en, parking.synonyms) == ("Badly parked cars", "违停")
