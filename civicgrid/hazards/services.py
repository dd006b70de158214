"""Hazards in the loop, and the four-colour risk register (风险隐患清单).

``register_loop`` registers the kind, its 整改 stage and its steps (``apps.HazardsConfig.ready``);
``register(user, code)`` is the register of one area: the live hazards in the user's scope counted by grade
and field in one query, their rows overdue rectifications first, and their points for the map. Pages, the
Excel export, the home panel and ``bench/reports.py`` all read it.
"""

from dataclasses import dataclass, field
from datetime import datetime

from django.db.models import Case as Conditional
from django.db.models import Count, IntegerField, Q, Value, When
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from civicgrid.cases.choices import OPEN_STATUSES, CaseKind
from civicgrid.cases.choices import Status as S
from civicgrid.cases.registry import Facet, register_kind, register_stage, register_step
from civicgrid.cases.spine import SPINE_LIMITS
from civicgrid.cases.workflow import CENTRE, DEPARTMENT, DISPATCHERS, OPEN, VERIFIERS, Action
from civicgrid.core.choices import TimeUnit
from civicgrid.geo.models import Area
from civicgrid.orgs.choices import Role

from . import inputs, steps
from .choices import GRADE_ORDER, Grade
from .models import Hazard, HazardField

KIND = CaseKind.HAZARD.value
# 整改: a month unless the category (or the order itself) says otherwise.
RECTIFY_LIMIT = (30, TimeUnit.NATURAL_DAYS)
# The spine's steps a hazard does not take: it is accepted (整改验收) and closed (销号) by its own, and a finding
# fixed on the spot still needs its rectification verified, so it is not 自行处置.
SKIPS = {Action.VERIFY, Action.CLOSE, Action.REWORK, Action.SELF_RESOLVE}
WORKERS = CENTRE | VERIFIERS | DEPARTMENT
ORDERERS = DISPATCHERS | DEPARTMENT
CHECKERS = VERIFIERS | DEPARTMENT
ACCEPTORS = VERIFIERS
MAP_MAX = 2000


FACET = Facet(_("风险等级"), {"": _("未定级"), **dict(Grade.choices)}, lambda hazard: hazard.grade)


def register_loop() -> None:
    """The hazard kind, its stage and steps, as ``docs/extending.md`` says; ``docs/hazards.md`` maps them."""
    register_stage(steps.RECTIFY, _("整改"))
    register_kind(KIND, CaseKind.HAZARD.label, record=Hazard, limits={**SPINE_LIMITS, steps.RECTIFY: RECTIFY_LIMIT},
                  skips=SKIPS, panel="hazards/case_panel.html", panel_context=case_panel, facet=FACET)
    own = {"kinds": {KIND}}
    register_step("hazard_record", _("登记隐患"), steps.record, sources=OPEN, target=None, roles=WORKERS,
                  params=inputs.RecordIn, template="hazards/steps/record.html", context=record_context, **own)
    register_step("hazard_grade", _("评定等级"), steps.grade, sources=OPEN, target=None, roles=WORKERS,
                  params=inputs.GradeIn, template="hazards/steps/grade.html", guard=steps.unrecorded, **own)
    register_step("hazard_order", _("下达整改"), steps.order, sources={S.REGISTERED, S.DISPATCHED}, target=None,
                  roles=ORDERERS, params=inputs.OrderIn, template="hazards/steps/order.html",
                  guard=steps.unrecorded, **own)
    register_step("hazard_check", _("现场检查"), steps.check, sources=OPEN, target=None, roles=CHECKERS,
                  needs_note=True, guard=steps.unrecorded, **own)
    register_step("hazard_accept", _("整改验收"), steps.accept, sources={S.REGISTERED, S.HANDLED}, target=S.VERIFIED,
                  roles=ACCEPTORS, awaited_in={S.HANDLED}, needs_note=True, guard=steps.unordered, public=True, **own)
    register_step("hazard_reject", _("验收不通过"), steps.reject, sources={S.REGISTERED, S.HANDLED, S.VERIFIED},
                  target=None, roles=ACCEPTORS | {Role.SHIFT_LEAD}, needs_note=True, guard=steps.unordered, **own)
    register_step("hazard_close", _("销号"), steps.close, sources=OPEN - {S.REPORTED}, target=S.CLOSED,
                  roles={Role.SHIFT_LEAD}, awaited_in={S.VERIFIED}, guard=steps.unverified, public=True, **own)


def record_context(user, case, assignments) -> dict:
    """The 登记隐患 form: the fields in use, and the record as it stands (to correct it)."""
    return {"hazard_fields": list(HazardField.objects.filter(active=True)),
            "hazard_form": steps.hazard_of(case) or Hazard()}


def case_panel(user, case) -> dict:
    """The hazard's record on its case page: details, gradings, checks (each with its step's photos)."""
    hazard = steps.hazard_of(case)
    if hazard is None:
        return {"hazard": None}
    gradings = list(hazard.gradings.select_related("graded_by"))
    checks = list(hazard.checks.select_related("checked_by"))
    photos = _check_photos(case)
    for found in checks:
        found.photos = photos.get(found.pk, [])
    return {"hazard": hazard, "gradings": gradings, "checks": checks}


def _check_photos(case) -> dict[int, list]:
    """The files of each check's step, by the check named in its event's data."""
    found: dict[int, list] = {}
    events = case.events.filter(action__in=CHECK_ACTIONS).prefetch_related("attachments")
    for event in events:
        if event.data.get("check"):
            found[event.data["check"]] = list(event.attachments.all())
    return found


CHECK_ACTIONS = ("hazard_check", "hazard_accept", "hazard_reject")


# ---- the register (风险隐患清单)


@dataclass
class FieldCount:
    """One row of the register's table: a field's live hazards per grade (red first), ungraded, all, overdue."""

    field: HazardField
    cells: list
    ungraded: int
    total: int
    overdue: int


@dataclass
class Register:
    """One area's register: counts by field × grade (and overdue), the rows, the map's points."""

    area: Area
    fields: list = field(default_factory=list)  # FieldCount, in the fields' order
    totals: list = field(default_factory=list)  # per grade, red first
    ungraded: int = 0
    total: int = 0
    overdue: int = 0
    rows: object = None  # a queryset, overdue rectifications first
    now: datetime | None = None


def register(user, code: str, now: datetime | None = None) -> Register | None:
    """The register of the area ``code`` as ``user`` may see it; None when the area is not theirs (a 404)."""
    area = Area.objects.restrict(user).filter(code=code).first()
    if area is None:
        return None
    now = now or timezone.now()
    live = live_hazards(user, code)
    found = Register(area=area, now=now, rows=_ordered(live, now))
    _count(found, live, now)
    return found


def live_hazards(user, code: str):
    """The hazards recorded and not yet 销号 (their case open) under ``code``, in ``user``'s scope."""
    return Hazard.objects.restrict(user).filter(case__area_code__startswith=code, case__status__in=OPEN_STATUSES,
                                                field__isnull=False)


def overdue_filter(now: datetime) -> Q:
    """A rectification past its deadline and not verified on site."""
    return Q(verified_at__isnull=True, due_at__lt=now)


def _count(found: Register, live, now: datetime) -> None:
    """One grouped query: each (field, grade) with its count and its overdue rectifications."""
    cells = live.values("field_id", "grade").annotate(n=Count("pk"), late=Count("pk", filter=overdue_filter(now)))
    per_field: dict[int, dict] = {}
    for cell in cells:
        mine = per_field.setdefault(cell["field_id"], {"grades": {}, "overdue": 0})
        mine["grades"][cell["grade"]] = cell["n"]
        mine["overdue"] += cell["late"]
    names = HazardField.objects.in_bulk(per_field)
    for pk in sorted(per_field, key=lambda pk: (names[pk].order, names[pk].name)):
        grades = per_field[pk]["grades"]
        found.fields.append(FieldCount(names[pk], [grades.get(g, 0) for g in GRADE_ORDER], grades.get("", 0),
                                       sum(grades.values()), per_field[pk]["overdue"]))
    found.totals = [sum(row.cells[i] for row in found.fields) for i in range(len(GRADE_ORDER))]
    found.ungraded = sum(row.ungraded for row in found.fields)
    found.total = sum(row.total for row in found.fields)
    found.overdue = sum(row.overdue for row in found.fields)


def _ordered(live, now: datetime):
    """Overdue rectifications first (the most overdue first), then by grade, red first, and deadline."""
    late = Conditional(When(overdue_filter(now), then=Value(0)), default=Value(1), output_field=IntegerField())
    rank = Conditional(*[When(grade=grade, then=Value(i)) for i, grade in enumerate(GRADE_ORDER)],
                       default=Value(len(GRADE_ORDER)), output_field=IntegerField())
    return live.annotate(late=late, rank=rank).select_related("case__area", "field") \
        .order_by("late", "rank", "due_at", "case_id")


def points(found: Register) -> list[dict]:
    """The map's points: each located hazard with its number, grade and place (at most ``MAP_MAX``)."""
    rows = found.rows.filter(case__longitude__isnull=False).values_list(
        "case__number", "case__longitude", "case__latitude", "grade", "place", "late")[:MAP_MAX]
    return [{"number": number, "lon": lon, "lat": lat, "grade": grade, "place": place, "late": late == 0}
            for number, lon, lat, grade, place, late in rows]


def scope_summary(user, now: datetime | None = None) -> dict | None:
    """The home panel: the user's live hazards by grade and their overdue rectifications, in one query; None
    when their scope holds none."""
    now = now or timezone.now()
    live = Hazard.objects.restrict(user).filter(case__status__in=OPEN_STATUSES, field__isnull=False)
    counts = live.aggregate(total=Count("pk"), overdue=Count("pk", filter=overdue_filter(now)),
                            **{grade: Count("pk", filter=Q(grade=grade)) for grade in GRADE_ORDER})
    if not counts["total"]:
        return None
    return {"total": counts["total"], "overdue": counts["overdue"],
            "grades": [(grade, counts[grade]) for grade in GRADE_ORDER]}
