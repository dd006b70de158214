import pytest

from civicgrid.geo.importers import import_divisions
from civicgrid.geo.models import Area

PROVINCES = "code,name\n61,\"陕西省\"\n"
CITIES = "code,name,provinceCode\n6108,\"榆林市\",61\n"
AREAS = "code,name,cityCode,provinceCode\n610802,\"榆阳区\",6108,61\n610803,\"横山区\",6108,61\n"
TOWNSHIPS_NBS = (
    "street_code,street_name,area_code,area_name,city_code,city_name,province_code,province_name\n"
    "610802001,鼓楼街道,610802,榆阳区,6108,榆林市,61,陕西省\n"
    "610802002,青山路街道,610802,榆阳区,6108,榆林市,61,陕西省\n"
)
VILLAGES_NPM = (
    "code,name,streetCode,provinceCode,cityCode,areaCode\n"
    "610802001001,鸳鸯湖社区居委会,610802001,61,6108,610802\n"
    "610802002001,青山路社区居委会,610802002,61,6108,610802\n"
)
GOOD = [("provinces.csv", PROVINCES), ("cities.csv", CITIES), ("areas.csv", AREAS),
        ("townships.csv", TOWNSHIPS_NBS), ("villages.csv", VILLAGES_NPM)]

pytestmark = pytest.mark.django_db


def test_both_layouts_import_with_the_whole_chain_of_parents():
    report = import_divisions(GOOD)
    assert report.ok and report.created == 8
    village = Area.objects.get(code="610802001001")
    assert village.parent.code == "610802001"
    assert [a.name for a in village.ancestors()] == ["陕西省", "榆林市", "榆阳区", "鼓楼街道"]


def test_a_second_run_changes_nothing_and_says_so():
    import_divisions(GOOD)
    report = import_divisions(GOOD)
    assert (report.created, report.updated, report.unchanged) == (0, 0, 8)
    assert "没有变化" in report.summary()


def test_a_changed_name_is_updated_and_reported():
    import_divisions(GOOD)
    renamed = [("areas.csv", AREAS.replace("横山区", "横山新区"))]
    report = import_divisions(renamed)
    assert report.updated == 1
    assert Area.objects.get(code="610803").name == "横山新区"
    assert any("横山区" in change and "横山新区" in change for change in report.changes)


def test_twelve_digit_padded_codes_are_accepted():
    report = import_divisions([("p.csv", "code,name\n610000000000,陕西省\n")])
    assert report.ok and Area.objects.filter(code="61").exists()


@pytest.mark.parametrize(
    ("csv_text", "row", "fragment"),
    [
        ("code,name,provinceCode\n6108,榆林市,61,extra\n", 2, "列数不对"),
        ("code,name,provinceCode\n6108,榆林市\n", 2, "列数不对"),
        ("code,name,provinceCode\n61080,榆林市,61\n", 2, "位数为 5"),
        ("code,name,provinceCode\n61x8,榆林市,61\n", 2, "只能由数字组成"),
        ("code,name,provinceCode\n6108,,61\n", 2, "缺少名称"),
        ("code,name,provinceCode\n6108,榆林市,62\n", 2, "与代码“6108”不符"),
        ("code,name,provinceCode\n6108,榆林市,61\n6108,榆林,61\n", 3, "重复"),
        ("code,name,provinceCode\n6208,某市,62\n", 2, "上级区划“62”不存在"),
        ("foo,bar\n1,2\n", 1, "表头"),
    ],
)
def test_each_bad_row_is_named_and_nothing_is_written(csv_text, row, fragment):
    report = import_divisions([("provinces.csv", PROVINCES), ("cities.csv", csv_text)])
    assert not report.written
    assert Area.objects.count() == 0
    error = next(e for e in report.errors if e.source == "cities.csv")
    assert error.row == row and fragment in error.message
    assert f"第 {row} 行" in str(error)


def test_a_child_of_a_bad_row_is_reported_as_missing_its_parent():
    bad_city = "code,name,provinceCode\n6108,,61\n"
    report = import_divisions([("p.csv", PROVINCES), ("c.csv", bad_city), ("a.csv", AREAS)])
    assert {(e.source, e.row) for e in report.errors} == {("c.csv", 2), ("a.csv", 2), ("a.csv", 3)}


def test_only_valid_rows_are_imported_when_asked():
    cities = "code,name,provinceCode\n6108,榆林市,61\n6109,,61\n"
    report = import_divisions([("p.csv", PROVINCES), ("c.csv", cities)], only_valid=True)
    assert report.written and len(report.errors) == 1
    assert sorted(Area.objects.values_list("code", flat=True)) == ["61", "6108"]
