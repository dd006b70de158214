import pytest

from civicgrid.cases.categories import import_taxonomy
from civicgrid.cases.choices import CaseKind
from civicgrid.cases.models import Category

pytestmark = pytest.mark.django_db


def snapshot():
    return list(Category.objects.values_list("code", "name", "parent__code", "kind", "ordering", "is_active"))


def test_a_second_run_changes_nothing_and_says_so(taxonomy_text):
    import_taxonomy(taxonomy_text)
    before = snapshot()
    report = import_taxonomy(taxonomy_text)
    assert (report.created, report.updated, report.unchanged) == (0, 0, 650)
    assert "没有变化" in report.summary()
    assert snapshot() == before


def test_the_same_list_in_another_order_keeps_every_code(taxonomy_text):
    import_taxonomy(taxonomy_text)
    before = snapshot()
    header, *rows = taxonomy_text.splitlines()
    report = import_taxonomy("\n".join([header, *reversed(rows)]))
    assert report.created == 0 and snapshot() == before


def test_a_new_class_takes_the_next_free_code_under_its_parent(taxonomy_text):
    import_taxonomy(taxonomy_text)
    report = import_taxonomy(taxonomy_text + "城乡建设,安全生产,应急演练\n")
    assert (report.created, report.unchanged) == (1, 650)
    assert Category.objects.get(name="应急演练").code == "01.01.004"


def test_what_an_administrator_changed_survives_a_reimport(taxonomy_text):
    import_taxonomy(taxonomy_text)
    Category.objects.filter(code="01.01.001").update(kind=CaseKind.HAZARD, ordering=9, is_active=False)
    import_taxonomy(taxonomy_text)
    assert Category.objects.filter(code="01.01.001", kind=CaseKind.HAZARD, ordering=9, is_active=False).exists()
