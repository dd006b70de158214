"""A finding on a visit becomes a case in the same step, of the kind its category says (a request, a dispute or
a hazard), filed on the grid channel at the household's unit and door; a category of another kind, or a
refusal by intake, saves neither the visit nor a case."""

from datetime import timedelta

import pytest
from django.utils import timezone

from civicgrid.cases.models import Case
from civicgrid.cases.workflow import InvalidInput
from civicgrid.households.models import Visit
from civicgrid.households.services import VisitDraft, record_visit
from civicgrid.testing.households import household


@pytest.mark.parametrize("kind", ["request", "dispute", "hazard"])
def test_the_finding_is_filed_as_a_case_of_its_kind_at_the_households_unit(heads, units, yulin, finding_categories,
                                                                           kind):
    found = household(units["floor"], "102室")
    visit = record_visit(heads["floor_head"], VisitDraft(
        household=found, visited_at=timezone.now() - timedelta(hours=1), found="楼上漏水\n已协商两次未果",
        file_as=finding_categories[kind]))
    case = visit.case
    assert (case.kind, case.channel, case.unit, case.area) == (kind, "grid_worker", units["floor"], yulin["grid_a"])
    assert (case.title, case.description) == ("楼上漏水", "楼上漏水\n已协商两次未果")
    assert case.address == "鸳鸯湖第1网格 1号楼 1层 102室"
    assert case.reported_by == heads["floor_head"]


def test_the_title_given_is_the_cases(grid_worker, units, finding_categories):
    found = household(units["floor"], "101")
    visit = record_visit(grid_worker, VisitDraft(household=found, visited_at=timezone.now(), found="电动车楼道充电",
                                                 file_as=finding_categories["hazard"], title="楼道充电隐患"))
    assert visit.case.title == "楼道充电隐患"


def test_a_category_of_another_kind_is_refused_and_nothing_saved(grid_worker, units, finding_categories):
    found = household(units["floor"], "101")
    with pytest.raises(InvalidInput) as refused:
        record_visit(grid_worker, VisitDraft(household=found, visited_at=timezone.now(), found="垃圾堆放",
                                             file_as=finding_categories["urban_event"]))
    assert refused.value.errors["file_as"] == "走访发现只能转为诉求、矛盾纠纷或隐患案件，请选择这三类中的启用分类。"
    assert (Visit.objects.count(), Case.objects.count()) == (0, 0)


def test_a_finding_to_file_needs_its_words(grid_worker, units, finding_categories):
    found = household(units["floor"], "101")
    with pytest.raises(InvalidInput) as refused:
        record_visit(grid_worker, VisitDraft(household=found, visited_at=timezone.now(),
                                             file_as=finding_categories["request"]))
    assert refused.value.errors["found"] == "请填写走访情况。"
    assert (Visit.objects.count(), Case.objects.count()) == (0, 0)


def test_when_intake_refuses_the_case_the_visit_is_not_saved_either(grid_worker, units, finding_categories):
    found, category = household(units["floor"], "101"), finding_categories["request"]
    category.description_max_length = 5
    category.save()
    with pytest.raises(InvalidInput) as refused:
        record_visit(grid_worker, VisitDraft(household=found, visited_at=timezone.now(), found="楼上漏水已经三天",
                                             file_as=category))
    assert refused.value.errors["description"] == "描述最多 5 个字，现有 8 个。"
    assert (Visit.objects.count(), Case.objects.count()) == (0, 0)


def test_the_page_files_the_finding_and_says_the_case_number(client, grid_worker, units, finding_categories):
    found = household(units["floor"], "101")
    client.force_login(grid_worker)
    at = timezone.localtime().strftime("%Y-%m-%dT%H:%M")
    response = client.post(f"/households/{found.pk}/visit/", {
        "visited_at": at, "found": "邻里噪音纠纷", "file_as": str(finding_categories["dispute"].pk)}, follow=True)
    case = Case.objects.get()
    assert case.kind == "dispute"
    assert f"发现的问题已转为案件 {case.number}" in response.content.decode()
