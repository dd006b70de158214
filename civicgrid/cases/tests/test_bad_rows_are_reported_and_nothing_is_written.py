import pytest

from civicgrid.cases.categories import URBAN_EVENTS, NamesFile, import_taxonomy
from civicgrid.cases.models import Category

pytestmark = pytest.mark.django_db

HEADER = "一级分类,二级分类,三级分类\n"
GOOD_ROW = "城乡建设,安全生产,事故处理\n"


@pytest.mark.parametrize(
    ("rows", "row", "fragment"),
    [
        ("城乡建设,安全生产\n", 3, "列数不对：应为 3 列，实为 2 列"),
        ("城乡建设,安全生产,安全隐患,多余\n", 3, "列数不对：应为 3 列，实为 4 列"),
        (",安全生产,安全隐患\n", 3, "“一级分类”为空"),
        ("城乡建设, ,安全隐患\n", 3, "“二级分类”为空"),
        ("城乡建设,安全生产,\n", 3, "“三级分类”为空"),
        ("城乡建设,安全生产," + "长" * 101 + "\n", 3, "超过 100 个字"),
        ("城乡建设,安全生产,安全隐患\n城乡建设,安全生产,安全隐患\n", 4, "“城乡建设 / 安全生产 / 安全隐患”重复（首次出现在第 3 行）"),
    ],
)
def test_each_bad_row_is_named_and_nothing_is_written(rows, row, fragment):
    report = import_taxonomy(HEADER + GOOD_ROW + rows, source="taxonomy.csv")
    assert not report.written and Category.objects.count() == 0
    [error] = report.errors
    assert error.row == row and fragment in error.message
    assert str(error).startswith(f"taxonomy.csv 第 {row} 行")
    assert "未写入任何数据" in report.summary()


def test_every_bad_row_is_reported_not_just_the_first():
    rows = "城乡建设,安全生产\n,安全生产,安全隐患\n" + GOOD_ROW
    report = import_taxonomy(HEADER + GOOD_ROW + rows)
    assert [e.row for e in report.errors] == [3, 4, 5]


def test_a_missing_header_is_reported_on_the_first_row():
    report = import_taxonomy("")
    assert [(e.row, "表头" in e.message) for e in report.errors] == [(1, True)]


def test_a_level_with_no_codes_left_is_reported():
    rows = "".join(f"大类{n},小类\n" for n in range(1, 101))
    report = import_taxonomy("一级分类,二级分类\n" + rows)
    [error] = report.errors
    assert error.row == 101 and "编码已用完" in error.message


def test_only_the_valid_rows_are_imported_when_asked():
    report = import_taxonomy(HEADER + GOOD_ROW + "城乡建设,,安全隐患\n", only_valid=True)
    assert report.written and len(report.errors) == 1
    assert list(Category.objects.values_list("code", flat=True)) == ["01", "01.01", "01.01.001"]


def test_a_list_whose_root_code_is_taken_by_another_category_is_refused():
    Category.objects.create(code="50", name="其他事项")
    report = import_taxonomy("大类,小类\n市容环境,暴露垃圾\n", source="urban_events.csv", root=URBAN_EVENTS)
    assert not report.written and Category.objects.count() == 1
    assert "编码“50”已被其他分类占用" in report.errors[0].message


NAMED = "大类,小类,英文名称,同义词\n市容环境,,City appearance,\n市容环境,暴露垃圾,Exposed rubbish,垃圾、乱扔垃圾\n"


@pytest.mark.parametrize(
    ("rows", "row", "fragment"),
    [
        (",暴露垃圾,Exposed rubbish,\n", 4, "“大类”为空"),
        (",,City appearance,\n", 4, "“大类”为空"),
        ("市容环境,道路不洁," + "x" * 101 + ",\n", 4, "英文名称超过 100 个字符"),
        ("市容环境,,Appearance,\n", 4, "“市容环境”重复（首次出现在第 2 行）"),
    ],
)
def test_each_bad_row_of_a_list_with_names_is_named_and_nothing_is_written(rows, row, fragment):
    report = import_taxonomy(NAMED + rows, source="urban_events.csv", root=URBAN_EVENTS)
    assert not report.written and Category.objects.count() == 0
    [error] = report.errors
    assert error.row == row and fragment in error.message


@pytest.mark.parametrize("header", ["英文名称,大类,小类", "大类,小类,同义词,同义词", "大类,,英文名称"])
def test_name_columns_must_follow_the_levels_once_each(header):
    report = import_taxonomy(header + "\n市容环境,暴露垃圾,x\n", source="urban_events.csv", root=URBAN_EVENTS)
    assert [(e.row, "表头" in e.message) for e in report.errors] == [(1, True)]


def test_a_names_file_naming_a_class_the_list_lacks_is_refused():
    names = NamesFile("一级分类,二级分类,三级分类,英文名称,同义词\n城乡建设,,,Construction,\n城乡建设,消防,,Fire,\n",
                      "taxonomy_names.csv")
    report = import_taxonomy(HEADER + GOOD_ROW, names=names)
    assert not report.written and Category.objects.count() == 0
    [error] = report.errors
    assert str(error) == "taxonomy_names.csv 第 3 行：分类表中没有“城乡建设 / 消防”。"
