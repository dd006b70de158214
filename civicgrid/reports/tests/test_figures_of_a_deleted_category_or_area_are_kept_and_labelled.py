"""The tally keeps categories and areas as plain numbers and codes, so old figures outlive them: a report counts
them still, under a label that says what became of them."""

from civicgrid.cases.models import Tally
from civicgrid.reports import content
from civicgrid.reports.choices import PeriodKind


def test_a_category_and_a_township_no_longer_there_keep_their_figures_under_a_label(last_month, centres, month):
    Tally.objects.filter(category_id=last_month["reported"].category_id).update(category_id=999999)
    Tally.objects.filter(area_code__startswith="610802002").update(area_code="610802009001001")
    found = content.gather(centres["county"], PeriodKind.MONTH, month)
    assert [(line.label, line.summary.cases) for line in found.categories] == [("已删除分类 #999999", 5)]
    assert ("已删除区域 610802009", 1) in [(line.label, line.summary.cases) for line in found.areas]
