"""Core services: seeding the working calendar (工作日历) from the chinese-calendar package.

Only days that depart from the default week are stored. Seeding again changes
nothing; rows an administrator saved (source "admin") are never touched. Days
the package no longer lists are removed, so that a corrected package release
corrects the calendar too.
"""

from collections import Counter
from datetime import date

import chinese_calendar
from django.db import transaction
from django.utils.translation import gettext as _

from .choices import CalendarSource
from .models import CalendarDay
from .wording import listing

# Cases older than this are closed; seeding earlier years would only add rows nobody reads.
FIRST_YEAR = 2024


class UnknownYears(ValueError):
    """Years the installed chinese-calendar has no schedule for."""


def seed_calendar(years: list[int] | None = None) -> str:
    """Seed ``years`` (default: those the package knows from FIRST_YEAR on); returns what changed."""
    years = years or [year for year in package_years() if year >= FIRST_YEAR]
    check_known(years)
    with transaction.atomic():
        counts = sum((seed_year(year) for year in years), Counter())
    return summary(years, counts)


def package_years() -> list[int]:
    return sorted({day.year for day in chinese_calendar.holidays})


def check_known(years: list[int]) -> None:
    unknown = sorted(set(years) - set(package_years()))
    if unknown:
        raise UnknownYears(_("chinese-calendar %(version)s 没有 %(years)s 年的节假日安排：请升级该软件包，或在管理后台录入。") % {
            "version": chinese_calendar.__version__, "years": listing(unknown),
        })


def package_days(year: int) -> dict[date, tuple[bool, str]]:
    """The days of ``year`` where the package departs from the default week: {day: (is_workday, name)}."""
    days = {}
    for day, english in {**chinese_calendar.holidays, **chinese_calendar.workdays}.items():
        workday = chinese_calendar.is_workday(day)
        if day.year == year and workday != (day.weekday() < 5):
            days[day] = (workday, chinese_calendar.Holiday(english).chinese)
    return days


def seed_year(year: int) -> Counter:
    wanted = package_days(year)
    existing = {row.date: row for row in CalendarDay.objects.filter(date__year=year)}
    counts = Counter(save_day(existing.get(day), day, *facts) for day, facts in wanted.items())
    stale = [row.pk for day, row in existing.items() if row.source == CalendarSource.SEED and day not in wanted]
    counts["deleted"] += CalendarDay.objects.filter(pk__in=stale).delete()[0]
    return counts


def save_day(row: CalendarDay | None, day: date, workday: bool, name: str) -> str:
    """Bring one day in line with the package; the outcome names the counter to bump."""
    if row is None:
        CalendarDay.objects.create(date=day, is_workday=workday, name=name, source=CalendarSource.SEED)
        return "created"
    if row.source == CalendarSource.ADMIN:
        return "kept"
    if (row.is_workday, row.name) == (workday, name):
        return "unchanged"
    row.is_workday, row.name = workday, name
    row.save(update_fields=["is_workday", "name", "updated_at"])
    return "updated"


def summary(years: list[int], counts: Counter) -> str:
    values = {key: counts[key] for key in ("created", "updated", "deleted", "unchanged", "kept")}
    values["years"] = listing(years)
    if counts["created"] or counts["updated"] or counts["deleted"]:
        text = _("%(years)s 年：新建 %(created)d 天，更新 %(updated)d 天，删除 %(deleted)d 天，未变 %(unchanged)d 天。")
    else:
        text = _("没有变化：%(years)s 年的工作日历已是最新（%(unchanged)d 天）。")
    if counts["kept"]:
        text += _("保留管理员修改的 %(kept)d 天。")
    return text % values
