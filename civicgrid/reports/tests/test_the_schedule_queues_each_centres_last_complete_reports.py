"""Every night the scheduler asks, for each centre, the report of its last complete day, week, month and quarter;
a report already made is not made again."""

from datetime import date

from civicgrid.reports import periods, services
from civicgrid.reports.choices import PeriodKind
from civicgrid.reports.models import Report

WEDNESDAY = date(2026, 5, 13)


def test_the_last_complete_periods_end_before_today():
    assert periods.last_complete(PeriodKind.DAY, WEDNESDAY) == (date(2026, 5, 12), date(2026, 5, 12))
    assert periods.last_complete(PeriodKind.WEEK, WEDNESDAY) == (date(2026, 5, 4), date(2026, 5, 10))
    assert periods.last_complete(PeriodKind.MONTH, WEDNESDAY) == (date(2026, 4, 1), date(2026, 4, 30))
    assert periods.last_complete(PeriodKind.QUARTER, WEDNESDAY) == (date(2026, 1, 1), date(2026, 3, 31))
    assert periods.last_complete(PeriodKind.QUARTER, date(2026, 1, 1)) == (date(2025, 10, 1), date(2025, 12, 31))


def test_each_centre_gets_its_four_reports_once(centres, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks() as queued:
        assert services.ensure_due(WEDNESDAY) == 4 * len(centres)
    assert len(queued) == 16
    assert set(Report.objects.filter(centre=centres["city"]).values_list("kind", "start", "end")) == {
        ("day", date(2026, 5, 12), date(2026, 5, 12)), ("week", date(2026, 5, 4), date(2026, 5, 10)),
        ("month", date(2026, 4, 1), date(2026, 4, 30)), ("quarter", date(2026, 1, 1), date(2026, 3, 31))}
    assert services.ensure_due(WEDNESDAY) == 0 and Report.objects.count() == 16
