"""The ranking names every area one level down with this month's cases, overdue cases and 办结率, best rate
first; an area with nothing to rate shows “—” and comes last, and an area deleted since keeps its figures under
a label that says so."""

from civicgrid.cases.intake import file_case
from civicgrid.cases.models import Tally
from civicgrid.cases.services import transition
from civicgrid.dashboards import screen
from civicgrid.dashboards.figures import Where
from civicgrid.testing import factories

COUNTY = Where("610802", child_length=9)


def ranked() -> list[tuple]:
    return [(row["rank"], row["name"], row["cases"], row["resolution_rate"])
            for row in screen.refresh(COUNTY)["ranking"]]


def test_the_best_resolution_rate_comes_first_and_nothing_to_rate_last(yulin, street_litter, shift_lead):
    file_case(factories.report(street_litter, point=(109.73, 38.29)))  # 青山路街道: one open, 0 %
    voided = file_case(factories.report(street_litter))  # 鼓楼街道: voided, so nothing to rate
    transition(voided, "void", shift_lead, note="重复上报")
    factories.area("610802003", "新明楼街道")  # no case at all
    assert ranked() == [(1, "青山路街道", 1, "0%"), (2, "鼓楼街道", 1, "—"), (3, "新明楼街道", 0, "—")]


def test_an_area_deleted_since_keeps_its_figures_under_a_label(yulin, street_litter):
    file_case(factories.report(street_litter))
    Tally.objects.filter(area_code__startswith="610802001").update(area_code="610802009")  # as if redrawn away
    assert (1, "已删除区域 610802009", 1, "0%") in ranked()
