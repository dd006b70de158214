"""The red list holds the open cases past their due time, the longest overdue first, saying for how long;
suspended (挂账) and finished cases are not on it, nor cases outside the screen's area."""

from civicgrid.cases.intake import file_case
from civicgrid.cases.models import Case
from civicgrid.cases.services import transition
from civicgrid.dashboards import screen
from civicgrid.dashboards.figures import Where
from civicgrid.testing import factories

TOWNSHIP = Where("610802001", child_length=12)


def red_numbers() -> list[str]:
    return [row["number"] for row in screen.refresh(TOWNSHIP)["red"]]


def test_the_longest_overdue_comes_first_with_how_long(yulin, street_litter, overdue):
    recent = overdue(file_case(factories.report(street_litter)), hours=2)
    oldest = overdue(file_case(factories.report(street_litter)), hours=80)
    file_case(factories.report(street_litter))  # not yet due
    rows = screen.refresh(TOWNSHIP)["red"]
    assert [(row["number"], row["late"]) for row in rows] == [(oldest.number, "超期 3 天"),
                                                               (recent.number, "超期 2 小时")]


def test_suspended_finished_and_other_townships_cases_are_not_red(yulin, street_litter, overdue, shift_lead):
    voided = overdue(file_case(factories.report(street_litter)))
    transition(voided, "void", shift_lead, note="重复上报")
    suspended = overdue(file_case(factories.report(street_litter)))
    Case.objects.filter(pk=suspended.pk).update(suspended_at=suspended.reported_at)
    overdue(file_case(factories.report(street_litter, point=(109.73, 38.29))))  # township B
    assert red_numbers() == []


def test_the_count_of_cases_open_and_overdue_now_comes_from_the_figures(yulin, street_litter, overdue):
    from civicgrid.cases import sweep

    case = overdue(file_case(factories.report(street_litter)))
    sweep.run()
    figures = screen.refresh(TOWNSHIP)["figures"]
    assert (figures["open"], figures["overdue"], figures["overdue_share"]) == (1, 1, "100%")
    assert red_numbers() == [case.number]
