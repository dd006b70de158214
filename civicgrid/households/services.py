"""五级五长包户: households under the responsibility units, visits to them, and what each head answers for.

Every rule lives here and the pages only ask: who may register and visit (``may_keep``: the grid's staff and
the heads whose node reaches the unit), what a household and a visit must hold, a finding filed as a case in
the same step, a head of household's details revealed with a reason (the access log), the periods the
administrator sets and the households not visited within them. Refusals are ``InvalidInput`` with a message
per field, raised before anything is written.
"""

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from civicgrid.cases.choices import OPEN_STATUSES, Channel
from civicgrid.cases.intake import Report, file_case, unit_address
from civicgrid.cases.models import Case, Category
from civicgrid.cases.models.cases import TITLE_MAX
from civicgrid.cases.workflow import InvalidInput, NotAllowed
from civicgrid.core import access
from civicgrid.core.validators import control_problem, mask_name, mask_phone, tidy_phone, validate_mainland_phone
from civicgrid.geo.choices import AreaLevel
from civicgrid.geo.codes import LEVEL_LENGTHS
from civicgrid.geo.models import Area
from civicgrid.orgs.scope import acts_at

from .choices import DEFAULT_PERIODS, FIGURES_ROLE, KEEPERS
from .models import DOOR_MAX, FOUND_MAX, NAME_MAX, NOTES_MAX, Household, Visit, VisitPeriod

UNIT_LEVELS = (AreaLevel.UNIT, AreaLevel.SUBUNIT)
GRID_LENGTH = LEVEL_LENGTHS[AreaLevel.GRID]
# The kinds a finding on a visit may be filed as: a request (the spine), a dispute or a hazard.
FINDING_KINDS = ("request", "dispute", "hazard")
FINDING_CATEGORIES_MAX = 800
OLDEST_VISIT = timedelta(days=366)


def _refuse(errors: dict) -> None:
    if errors:
        raise InvalidInput(next(iter(errors.values())), errors)


# ---- who may


def may_keep(user, code: str) -> bool:
    """Whether ``user`` answers for the households at ``code``: a grid role or head whose node reaches it."""
    return user.is_superuser or any(acts_at(grant, code) for grant in user.scope.holding(KEEPERS))


def check_unit(user, unit: Area | None, errors: dict) -> None:
    """A responsibility unit the user answers for; a unit of another grid is named with its grid."""
    if unit is None:
        errors["unit"] = _("请选择楼栋、楼层等责任单元。")
    elif unit.level not in UNIT_LEVELS:
        errors["unit"] = _("“%(name)s”不是楼栋、楼层等责任单元，住户只能登记在责任单元下。") % {"name": unit.name}
    elif not may_keep(user, unit.code):
        grid = Area.objects.filter(code=unit.code[:GRID_LENGTH]).first()
        errors["unit"] = _("“%(unit)s”属于%(grid)s，不在您负责的范围内。") % {
            "unit": unit.name, "grid": grid.name if grid else unit.code[:GRID_LENGTH]}


def _check_text(errors: dict, key: str, value: str, limit: int, label: str, required: bool = True) -> None:
    problem = control_problem(value, label)
    if problem:
        errors[key] = problem
    elif required and not value.strip():
        errors[key] = _("请填写%(label)s。") % {"label": label}
    elif len(value) > limit:
        errors[key] = _("%(label)s最多 %(limit)d 个字。") % {"label": label, "limit": limit}


# ---- households


@dataclass
class HouseholdDraft:
    """What a page, an import or the bench gives for a new household."""

    unit: Area | None
    door: str
    head_name: str
    head_phone: str = ""
    residents: int | None = 1
    notes: str = ""


def household_problems(user, draft: HouseholdDraft) -> dict[str, str]:
    errors: dict[str, str] = {}
    check_unit(user, draft.unit, errors)
    _check_text(errors, "door", draft.door, DOOR_MAX, _("门牌号"))
    _check_text(errors, "head_name", draft.head_name, NAME_MAX, _("户主姓名"))
    _check_text(errors, "notes", draft.notes, NOTES_MAX, _("备注"), required=False)
    try:
        validate_mainland_phone(draft.head_phone)
    except ValidationError as error:
        errors["head_phone"] = error.messages[0]
    if draft.residents is None or not 1 <= draft.residents <= 99:
        errors["residents"] = _("居住人数应为 1 到 99 之间的整数。")
    return errors


def add_household(user, draft: HouseholdDraft) -> Household:
    """Register a household under a unit the user answers for; refused with every problem, nothing saved."""
    draft.door, draft.head_name = draft.door.strip(), draft.head_name.strip()
    draft.head_phone = tidy_phone(draft.head_phone)
    errors = household_problems(user, draft)
    if not errors and Household.objects.filter(unit=draft.unit, door=draft.door).exists():
        errors["door"] = _taken(draft)
    _refuse(errors)
    household = new_household(draft)
    try:
        with transaction.atomic():
            household.save()
    except IntegrityError:  # the same door registered at the same moment by someone else
        _refuse({"door": _taken(draft)})
    return household


def _taken(draft: HouseholdDraft) -> str:
    return _("“%(unit)s”已登记门牌号为“%(door)s”的住户。") % {"unit": draft.unit.name, "door": draft.door}


def new_household(draft: HouseholdDraft, synthetic: bool = False) -> Household:
    """The unsaved household of a checked draft (``bulk.add_households`` saves many at once)."""
    return Household(unit=draft.unit, unit_code=draft.unit.code, door=draft.door, head_name=draft.head_name,
                     head_phone=draft.head_phone, residents=draft.residents, notes=draft.notes.strip(),
                     synthetic=synthetic)


def masked(household: Household) -> dict:
    """What lists show of a head of household: the family name and the phone's ends."""
    return {"head_name": mask_name(household.head_name), "head_phone": mask_phone(household.head_phone)}


# ---- visits


@dataclass
class VisitDraft:
    """A visit as it is told: to a household (or a unit as a whole), when, what was found, and, to file the
    finding as a case in the same step, its category and title."""

    household: Household | None = None
    unit: Area | None = None
    visited_at: datetime | None = None
    found: str = ""
    file_as: Category | None = None
    title: str = ""


def visit_problems(user, draft: VisitDraft, now: datetime) -> dict[str, str]:
    errors: dict[str, str] = {}
    if draft.household is None and draft.unit is None:
        errors["household"] = _("请选择走访的住户或责任单元。")
    else:
        check_unit(user, draft.household.unit if draft.household else draft.unit, errors)
    _check_when(errors, draft.visited_at, now)
    _check_text(errors, "found", draft.found, FOUND_MAX, _("走访情况"), required=draft.file_as is not None)
    if draft.file_as is not None:
        _check_finding(errors, draft)
    return errors


def _check_when(errors: dict, visited_at: datetime | None, now: datetime) -> None:
    if visited_at is None:
        errors["visited_at"] = _("请填写走访时间。")
    elif visited_at > now:
        errors["visited_at"] = _("走访时间 %(at)s 晚于现在，不能登记还没有发生的走访。") % {"at": _shown(visited_at)}
    elif visited_at < now - OLDEST_VISIT:
        errors["visited_at"] = _("走访时间 %(at)s 早于一年前，请核对日期。") % {"at": _shown(visited_at)}


def _shown(at: datetime) -> str:
    return timezone.localtime(at).strftime("%Y-%m-%d %H:%M")


def _check_finding(errors: dict, draft: VisitDraft) -> None:
    category = draft.file_as
    if not category.is_active or category.kind not in FINDING_KINDS:
        errors["file_as"] = _("走访发现只能转为诉求、矛盾纠纷或隐患案件，请选择这三类中的启用分类。")
    _check_text(errors, "title", draft.title, TITLE_MAX, _("案件标题"), required=False)


def record_visit(user, draft: VisitDraft, now: datetime | None = None) -> Visit:
    """Record a visit and, when asked, file its finding as a case at the household's unit, all or nothing."""
    now = now or timezone.now()
    draft.found, draft.title = draft.found.strip(), draft.title.strip()
    _refuse(visit_problems(user, draft, now))
    unit = draft.household.unit if draft.household else draft.unit
    with transaction.atomic():
        case = file_case(finding_report(draft, unit), user, now=now) if draft.file_as else None
        visit = Visit.objects.create(household=draft.household, unit=unit, unit_code=unit.code, visitor=user,
                                     visited_at=draft.visited_at, found=draft.found, case=case)
        if draft.household is not None:
            keep_latest(draft.household.pk, draft.visited_at)
    return visit


def keep_latest(household_id: int, visited_at: datetime) -> None:
    """The household's last visit moves on only: a visit recorded late for an earlier day leaves it."""
    later = Q(last_visited_at__isnull=True) | Q(last_visited_at__lt=visited_at)
    Household.objects.filter(later, pk=household_id).update(last_visited_at=visited_at)


def finding_report(draft: VisitDraft, unit: Area) -> Report:
    """The finding as the grid channel files it: at the unit (its grid, its outline), at the household's door."""
    place = unit_address(unit)
    if draft.household is not None:
        place = f"{place} {draft.household.door}"
    title = draft.title or draft.found.splitlines()[0][:TITLE_MAX]
    return Report(category=draft.file_as, title=title, description=draft.found, channel=Channel.GRID_WORKER,
                  unit=unit, address=place)


def finding_categories() -> list[Category]:
    """The active categories without subcategories a finding may be filed in, by kind and code."""
    found = Category.objects.filter(is_active=True, kind__in=FINDING_KINDS, children__isnull=True)
    return list(found.order_by("kind", "code").only("code", "name", "name_en", "kind")[:FINDING_CATEGORIES_MAX])


# ---- a head of household's details, revealed with a reason


def may_reveal(user, household: Household) -> bool:
    """Those who call the household: the grid's staff and the heads whose node reaches it."""
    return may_keep(user, household.unit_code)


def reveal(user, household: Household, reason: str, at: access.Where) -> Household:
    """The head of household's name and phone in full, for a reason written to the access log first."""
    if not may_reveal(user, household):
        raise NotAllowed(_("您没有权限查看该住户户主的完整信息。"))
    reason = (reason or "").strip()
    problem = access.reason_problem(reason, _("电话预约入户走访"))
    if problem:
        raise InvalidInput(problem, {"reason": problem})
    access.revealed(user, household, str(household.pk), household.unit_code, at, "", reason)
    return household


# ---- periods and what is due


def periods() -> dict[str, int]:
    """Days between visits for each head role: the administrator's where set, the defaults elsewhere."""
    return {**DEFAULT_PERIODS, **dict(VisitPeriod.objects.values_list("role", "days"))}


def role_at(user, code: str) -> str:
    """The role whose period applies to ``user`` at ``code``: their deepest keeping role reaching it (a 片长's
    at their communities), or the building head's for anyone who only reads the figures."""
    grants = [grant for grant in user.scope.holding(KEEPERS) if acts_at(grant, code)]
    deepest = max(grants, key=lambda grant: len(grant.area.code) if grant.area_id else 0, default=None)
    return deepest.role if deepest else FIGURES_ROLE


def period_at(user, code: str) -> tuple[str, int]:
    role = role_at(user, code)
    return role, periods().get(role, DEFAULT_PERIODS[FIGURES_ROLE])


def not_visited_since(since: datetime) -> Q:
    """Households whose last visit is older than ``since``, or who were never visited."""
    return Q(last_visited_at__isnull=True) | Q(last_visited_at__lt=since)


def households_under(user, code: str):
    return Household.objects.restrict(user).filter(unit_code__startswith=code)


def open_matters(code: str):
    """Open cases filed at the units under ``code``: what the heads there answer for besides the visits."""
    return (Case.objects.filter(unit__code__startswith=code, status__in=OPEN_STATUSES)
            .select_related("unit").only("number", "title", "status", "reported_at", "unit__name", "reported_by_id")
            .order_by("-reported_at"))


def area_in_scope(user, code: str) -> Area | None:
    """The area at ``code`` when the user's scope reaches it (anyone else: None, a 404)."""
    return Area.objects.restrict(user).filter(code=code).first()

