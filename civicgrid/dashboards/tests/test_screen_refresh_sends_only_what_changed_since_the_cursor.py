"""The screen's refresh sends everything the first time, nothing but “no change” while nothing changed, and
afterwards only the sections that changed: a new case once, the figures when they move."""

from civicgrid.cases.intake import file_case
from civicgrid.cases.services import transition
from civicgrid.dashboards import screen
from civicgrid.dashboards.figures import Where
from civicgrid.testing import factories

TOWNSHIP = Where("610802001", child_length=12)


def test_the_first_refresh_sends_every_section_and_the_cases_of_the_last_day(yulin, street_litter):
    cases = [file_case(factories.report(street_litter)) for _ in range(2)]
    first = screen.refresh(TOWNSHIP)
    assert first["changed"] is True
    assert {"figures", "red", "ranking", "new"} <= first.keys()
    assert [row["number"] for row in first["new"]] == [cases[1].number, cases[0].number]
    assert first["cursor"].startswith(f"{cases[1].pk}.")


def test_an_unchanged_refresh_sends_nothing_but_the_same_cursor(yulin, street_litter):
    file_case(factories.report(street_litter))
    cursor = screen.refresh(TOWNSHIP)["cursor"]
    assert screen.refresh(TOWNSHIP, cursor) == {"changed": False, "cursor": cursor}


def test_a_new_case_is_sent_once_with_the_figures_it_moved_and_nothing_else(yulin, street_litter):
    file_case(factories.report(street_litter))
    cursor = screen.refresh(TOWNSHIP)["cursor"]
    case = file_case(factories.report(street_litter))
    changes = screen.refresh(TOWNSHIP, cursor)
    assert [row["number"] for row in changes["new"]] == [case.number]
    assert changes["figures"]["today"]["cases"] == 2
    assert "red" not in changes  # nothing is overdue, before or after
    after = screen.refresh(TOWNSHIP, changes["cursor"])
    assert after == {"changed": False, "cursor": changes["cursor"]}


def test_a_step_that_moves_a_figure_sends_the_figures_again_but_no_case_as_new(yulin, street_litter, shift_lead):
    case = file_case(factories.report(street_litter))
    cursor = screen.refresh(TOWNSHIP)["cursor"]
    transition(case, "void", shift_lead, note="重复上报")
    changes = screen.refresh(TOWNSHIP, cursor)
    assert changes["figures"]["today"]["open"] == 0 and "new" not in changes


def test_a_step_that_moves_no_figure_the_screen_shows_sends_nothing(yulin, street_litter, intake_clerk):
    case = file_case(factories.report(street_litter))
    cursor = screen.refresh(TOWNSHIP)["cursor"]
    transition(case, "register", intake_clerk)  # 待受理 → 待派遣: still one case open, none overdue
    assert screen.refresh(TOWNSHIP, cursor) == {"changed": False, "cursor": cursor}


def test_a_case_elsewhere_changes_nothing_on_this_screen(yulin, street_litter):
    cursor = screen.refresh(TOWNSHIP)["cursor"]
    file_case(factories.report(street_litter, point=(109.73, 38.29)))  # grid B, the other township
    assert screen.refresh(TOWNSHIP, cursor) == {"changed": False, "cursor": cursor}


def test_an_overdue_case_sends_the_red_list_again(yulin, street_litter, overdue):
    case = file_case(factories.report(street_litter))
    cursor = screen.refresh(TOWNSHIP)["cursor"]
    overdue(case)
    changes = screen.refresh(TOWNSHIP, cursor)
    assert [row["number"] for row in changes["red"]] == [case.number]
    assert "new" not in changes


def test_an_unreadable_cursor_counts_as_none_and_everything_is_sent(yulin, street_litter):
    file_case(factories.report(street_litter))
    for cursor in ["", "garbage", "12.abc", "-1.00000000.00000000.00000000", "9" * 40]:
        answer = screen.refresh(TOWNSHIP, cursor)
        assert {"figures", "red", "ranking", "new"} <= answer.keys(), cursor
