import pytest

from civicgrid.cases.categories import import_taxonomy
from civicgrid.cases.choices import CaseKind
from civicgrid.cases.models import Category

pytestmark = pytest.mark.django_db


def test_the_real_taxonomy_gives_15_large_118_middle_and_517_small_classes(taxonomy_text):
    report = import_taxonomy(taxonomy_text)
    assert report.ok and report.written and report.created == 15 + 118 + 517
    depths = [code.count(".") + 1 for code in Category.objects.values_list("code", flat=True)]
    assert [depths.count(level) for level in (1, 2, 3)] == [15, 118, 517]


def test_codes_are_positions_in_the_file(taxonomy_text):
    import_taxonomy(taxonomy_text)
    first = Category.objects.get(code="01.01.001")
    assert [first.parent.parent.name, first.parent.name, first.name] == ["城乡建设", "安全生产", "事故处理"]
    assert Category.objects.get(code="15").name == "劳动和社会保障"
    assert Category.objects.get(code="01.02.016").name == "自来水供应"


def test_a_name_may_repeat_under_different_parents(taxonomy_text):
    import_taxonomy(taxonomy_text)
    assert Category.objects.filter(name="安全生产").count() == 2
    assert Category.objects.filter(name="其他", parent__isnull=False, parent__parent__isnull=True).count() == 15


@pytest.mark.parametrize(
    ("path", "kind"),
    [
        (["劳动和社会保障", "工资福利", "工资发放"], CaseKind.REQUEST),
        (["纪检监察", "贪污贿赂", "贪污"], CaseKind.COMPLAINT),
        (["农村农业", "土地承包经营", "宅基地纠纷"], CaseKind.DISPUTE),
        (["卫生计生", "医患纠纷", "患者权益"], CaseKind.DISPUTE),
        (["城乡建设", "安全生产", "安全隐患"], CaseKind.HAZARD),
    ],
)
def test_the_kind_is_guessed_from_the_large_class_unless_a_nearer_name_says_otherwise(taxonomy_text, path, kind):
    import_taxonomy(taxonomy_text)
    category = Category.objects.get(name=path[2], parent__name=path[1], parent__parent__name=path[0])
    assert category.kind == kind


def test_a_class_named_as_a_complaint_is_a_complaint():
    import_taxonomy("一级分类,二级分类\n城乡建设,物业服务投诉\n")
    assert Category.objects.get(name="物业服务投诉").kind == CaseKind.COMPLAINT
    assert Category.objects.get(name="城乡建设").kind == CaseKind.REQUEST
