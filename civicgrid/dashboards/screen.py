"""指挥大屏: what a centre's wall display shows, and what changed since the display last asked.

``refresh(user_or_where, since)`` makes the payload of one poll. Its sections:

- ``new``: the cases filed in the last day whose id is above the cursor's, newest first (at most ``NEW_MAX``):
  number, time, category, kind, place and map point, never a name, phone or the resident's own words;
- ``figures``: today's and this month's counts and 三率 (``figures.sums``), the cases filed on each of the last
  30 days, and the cases open and open overdue now, whenever they were filed;
- ``red``: the most overdue open cases (at most ``RED_MAX``);
- ``ranking``: the areas one level down, this month, best 办结率 first.

The figures come from the tally; the two lists are case queries on indexed columns with a LIMIT. The cursor is
text the display sends back as it got it: the highest case id it has, and a short digest of each other section.
A section goes out again only when its digest differs; when nothing changed the answer is the cursor alone with
``changed: false``. A cursor that cannot be read counts as none: everything is sent.
"""

import hashlib
import json
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from civicgrid.cases import registry
from civicgrid.cases.choices import OPEN_STATUSES, Priority
from civicgrid.cases.models import Case
from civicgrid.geo.choices import AreaLevel
from civicgrid.geo.codes import LENGTH_LEVELS, LEVEL_LENGTHS
from civicgrid.geo.models import Area
from civicgrid.orgs import scope
from civicgrid.orgs.choices import CENTRE_ROLES, Role

from .figures import AREA, PERIOD, Period, Summary, Where, open_now, rate, removed_area, sums, written

VIEWERS = frozenset({*CENTRE_ROLES, Role.LEADER})
NEW_MAX = 300  # the newest cases of the last day a display is sent: the feed and the map's points
RED_MAX = 50
RANK_MAX = 60
TREND_DAYS = 30
SECTIONS = ("figures", "red", "ranking")
CURSOR = re.compile(r"^(\d{1,18})" + r"\.([0-9a-f]{8})" * len(SECTIONS) + "$")


# --- Whose screen ------------------------------------------------------------------------------------------


def reach(user) -> tuple[str, ...]:
    """The area codes under which the user may open the screen: where they are a centre's staff or a leader."""
    return scope.reach(user, VIEWERS)


def screen_area(user, code: str | None = None) -> Area:
    """The area of the screen the user opens: ``code``, or their own top area. No screen role: 403; an area
    outside their reach or at a grid or below (nothing to rank): 404."""
    codes = reach(user)
    if not codes:
        raise PermissionDenied(_("指挥大屏只对综治中心工作人员和领导开放。"))
    code = code or scope.first_code(user, codes)
    if not code or not code.startswith(codes):
        raise Http404
    area = Area.objects.filter(code=code, level__lt=AreaLevel.GRID).first()
    if area is None:
        raise Http404
    return area


def where_of(area: Area) -> Where:
    """The figures of the area, its children one level down for the ranking."""
    return Where(area.code, child_length=LEVEL_LENGTHS[AreaLevel(area.level + 1)])


# --- The payload -------------------------------------------------------------------------------------------


def refresh(user_or_where, since: str | None = None) -> dict:
    """What the display at ``user_or_where`` (a user: their own area's screen; or a ``Where``) lacks, given
    the cursor ``since`` of its last refresh."""
    where = user_or_where if isinstance(user_or_where, Where) else where_of(screen_area(user_or_where))
    last_id, digests = read_cursor(since)
    now = timezone.now()
    names = child_names(where)
    new = new_cases(where, last_id, now, names)
    sections = {"figures": figures(where, timezone.localdate(now)), "red": red(where, now, names),
                "ranking": ranking(where, timezone.localdate(now), names)}
    fresh = {name: digest(section) for name, section in sections.items()}
    payload = {name: sections[name] for name in SECTIONS if fresh[name] != digests.get(name)}
    if new:
        payload["new"] = new
    top = max([last_id, *(case["id"] for case in new)])
    cursor = ".".join([str(top), *(fresh[name] for name in SECTIONS)])
    return {"changed": bool(payload), "cursor": cursor, **payload}


def read_cursor(since: str | None) -> tuple[int, dict]:
    """The highest case id and the sections' digests the display has; none at all for an unreadable cursor."""
    found = CURSOR.match(since or "")
    if not found:
        return 0, {}
    return int(found.group(1)), dict(zip(SECTIONS, found.groups()[1:]))


def digest(section) -> str:
    text = json.dumps(section, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.blake2b(text.encode(), digest_size=4).hexdigest()


@dataclass(frozen=True)
class Children:
    """The names of the areas one level down, by code (``length`` characters of it)."""

    length: int
    names: dict

    def of(self, code: str) -> str:
        """The name of the child area ``code`` lies in, or ""."""
        return self.names.get(code[:self.length], "")


def child_names(where: Where) -> Children:
    level = LENGTH_LEVELS[where.child_length]
    areas = Area.objects.filter(level=level, code__startswith=where.prefix).values_list("code", "name")
    return Children(where.child_length, dict(areas))


# --- New cases, red cases ----------------------------------------------------------------------------------


def _cases(where: Where):
    rows = Case.objects.filter(area_code__startswith=where.prefix)
    if where.department:
        rows = rows.filter(lead_department_id=where.department)
    return rows.select_related("category", "area").only(
        "number", "reported_at", "kind", "priority", "supervised", "longitude", "latitude", "due_at", "area_code",
        "category__name", "category__name_en", "area__name")


def new_cases(where: Where, last_id: int, now: datetime, names: Children) -> list[dict]:
    """The cases filed in the last day with an id above ``last_id``, newest first."""
    rows = _cases(where).filter(reported_at__gte=now - timedelta(days=1), pk__gt=last_id).order_by("-pk")[:NEW_MAX]
    return [{**_row(case, names), "id": case.pk, **_when(case.reported_at), "point": _point(case)} for case in rows]


def _when(instant: datetime) -> dict:
    local = timezone.localtime(instant)
    return {"time": local.strftime("%H:%M"), "day": local.strftime("%m-%d")}


def red(where: Where, now: datetime, names: Children) -> list[dict]:
    """The open cases past their due time (not suspended), the longest overdue first."""
    rows = _cases(where).filter(status__in=OPEN_STATUSES, due_at__lt=now, suspended_at__isnull=True)
    return [{**_row(case, names), "late": overdue_for(now - case.due_at), "supervised": case.supervised}
            for case in rows.order_by("due_at")[:RED_MAX]]


def _row(case: Case, names: Children) -> dict:
    kind = registry.kind(case.kind)
    return {"number": case.number, "category": case.category.display_name, "kind": str(kind.label) if kind else case.kind,
            "place": place(case, names), "urgent": case.priority != Priority.NORMAL,
            "url": reverse("cases:detail", args=[case.number])}


def place(case: Case, names: Children) -> str:
    """Where the case is, as a room reads it: the area one level down and the grid (or area) it is in."""
    child = names.of(case.area_code)
    own = case.area.name
    return own if not child or child == own else f"{child} · {own}"


def _point(case: Case) -> list[float] | None:
    if case.longitude is None or case.latitude is None:
        return None
    return [round(case.latitude, 5), round(case.longitude, 5)]


def overdue_for(late: timedelta) -> str:
    """How long past due, in hours under two days, in days after."""
    hours = int(late.total_seconds() // 3600)
    if hours < 48:
        return ngettext("超期 %(n)d 小时", "超期 %(n)d 小时", hours) % {"n": hours}
    return ngettext("超期 %(n)d 天", "超期 %(n)d 天", hours // 24) % {"n": hours // 24}


# --- Figures and ranking -----------------------------------------------------------------------------------


def figures(where: Where, today: date) -> dict:
    """Today's and this month's figures, the trend of the last days, and what is open now."""
    month = Period(today.replace(day=1), today)
    # Open now, whenever filed: the measures alone, which the smallest cube keeps (no state needed).
    now = open_now(where)
    open_, overdue = now["open"], now["overdue"]
    return {"today": shown(Summary.of(sums(where, Period(today, today), by=["status"]))),
            "month": shown(Summary.of(sums(where, month, by=["status"]))),
            "open": open_, "overdue": overdue, "overdue_share": percent(rate(overdue, open_)),
            "trend": trend(where, today)}


def shown(summary: Summary) -> dict:
    """A summary as the screen shows it: counts, and rates as text (“—” when there is nothing to divide by)."""
    return {"cases": summary.cases, "open": summary.open, "overdue": summary.overdue, "resolved": summary.resolved,
            "resolution_rate": percent(summary.resolution_rate), "on_time_rate": percent(summary.on_time_rate),
            "satisfaction_rate": percent(summary.satisfaction_rate),
            "average_hours": written(summary.average_hours, "{:g}")}


def percent(value: float | None) -> str:
    return written(value, "{:g}%")


def trend(where: Where, today: date) -> dict:
    """Cases filed on each of the last ``TREND_DAYS`` days, and how many of them are still open."""
    start = today - timedelta(days=TREND_DAYS - 1)
    rows = {row["period"]: row for row in sums(where, Period(start, today), by=[PERIOD])}
    days = [start + timedelta(days=n) for n in range(TREND_DAYS)]
    return {"days": [day.strftime("%m-%d") for day in days],
            "cases": [(rows.get(day) or {}).get("cases") or 0 for day in days],
            "open": [(rows.get(day) or {}).get("open") or 0 for day in days]}


def ranking(where: Where, today: date, names: Children) -> list[dict]:
    """The areas one level down this month, best 办结率 first (those with nothing to rate last), then most cases."""
    rows = sums(where, Period(today.replace(day=1), today), by=[AREA, "status"])
    grouped: dict[str, list] = {code: [] for code in names.names}
    for row in rows:
        grouped.setdefault(row["area"], []).append(row)
    ranked = sorted((_ranked(code, Summary.of(found), names) for code, found in grouped.items()), key=_order)
    return [{**entry, "rank": n} for n, entry in enumerate(ranked[:RANK_MAX], start=1)]


def _ranked(code: str, summary: Summary, names: Children) -> dict:
    name = names.names.get(code) or removed_area(code)
    return {"code": code, "name": name, "cases": summary.cases, "overdue": summary.overdue,
            "rate": summary.resolution_rate, "resolution_rate": percent(summary.resolution_rate)}


def _order(entry: dict) -> tuple:
    return (entry["rate"] is None, -(entry["rate"] or 0), -entry["cases"], entry["code"])
