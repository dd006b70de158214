"""The periods a dashboard is read over (本日, 本周, 本月, 本季, 本年 or chosen days) and what each is compared with.

环比 compares with the same stretch of the span before (yesterday, last week's same days, last month …; for
chosen days as many days just before them), 同比 with the same stretch a year earlier (``Period.shifted(12)``). A period running to today is compared
with as many days of the one before.
"""

from dataclasses import dataclass
from datetime import date, timedelta

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .figures import Period


class Span(models.TextChoices):
    """统计期的种类."""

    DAY = "day", _("本日")
    WEEK = "week", _("本周")
    MONTH = "month", _("本月")
    QUARTER = "quarter", _("本季")
    YEAR = "year", _("本年")
    CUSTOM = "custom", _("自定义")


# 环比 of the month-aligned spans: so many months back; of the others, so many days (chosen days: their number).
MONTHS_BACK = {Span.MONTH: 1, Span.QUARTER: 3, Span.YEAR: 12}
DAYS_BACK = {Span.DAY: 1, Span.WEEK: 7}


def current(span: str, today: date) -> Period:
    """The span up to ``today``: today, this week from Monday, this month, quarter or year from its first day."""
    starts = {
        Span.DAY: today,
        Span.WEEK: today - timedelta(days=today.weekday()),
        Span.MONTH: today.replace(day=1),
        Span.QUARTER: today.replace(month=(today.month - 1) // 3 * 3 + 1, day=1),
        Span.YEAR: today.replace(month=1, day=1),
    }
    return Period(starts[span], today)


def previous(span: str, period: Period) -> Period:
    """What 环比 compares ``period`` with."""
    if span in MONTHS_BACK:
        return months_before(period, MONTHS_BACK[span])
    back = timedelta(days=DAYS_BACK.get(span, period.days))
    return Period(period.start - back, period.end - back)


def months_before(period: Period, months: int) -> Period:
    """The same stretch ``months`` earlier; while it runs to today, as many days of it (1–3 December against
    1–3 November, not against all of November)."""
    earlier = period.shifted(months)
    if period.end < timezone.localdate():
        return earlier
    return Period(earlier.start, min(earlier.end, earlier.start + timedelta(days=period.days - 1)))


@dataclass(frozen=True)
class Chosen:
    """The period a page shows, what it is compared with, and how it was chosen (for the links and the form)."""

    span: str
    period: Period

    @property
    def previous(self) -> Period:
        return previous(self.span, self.period)

    @property
    def year_before(self) -> Period:
        return months_before(self.period, 12)

    def query(self) -> dict:
        """The query string that chooses it again (the export's and the drill-down's links)."""
        if self.span == Span.CUSTOM:
            return {"span": self.span, "start": self.period.start.isoformat(), "end": self.period.end.isoformat()}
        return {"span": self.span}
