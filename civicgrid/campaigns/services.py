"""Creating a campaign (专项行动) and reading its progress against its targets.

Only administrators and centre staff create campaigns, over areas their role reaches: checked here, whatever
calls (the page, the admin, the demo). A campaign covers the cases filed between its dates (local days, both
included) in its target areas, of its kinds and/or under its category branches; a case covered is *tagged*.
Tagging is worked out when asked (``tagged``), not stored, so a campaign announced after its start, or whose
areas are corrected, counts what happened in its period, and no case is written for it (docs/campaigns.md).
"""

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from django.db import transaction
from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from civicgrid.cases import registry
from civicgrid.cases.choices import FINISHED_STATUSES
from civicgrid.cases.choices import Status as S
from civicgrid.cases.models import Case
from civicgrid.orgs.choices import CENTRE_ROLES, Role
from civicgrid.orgs.scope import acts_at

from .models import Campaign, Target

ORGANISERS = frozenset({Role.ADMINISTRATOR, *CENTRE_ROLES})
# Resolved: finished with a result; a voided report or a merged duplicate resolved nothing.
RESOLVED = frozenset(FINISHED_STATUSES - {S.VOIDED, S.MERGED})
MAX_TARGET = 100000


class CampaignError(Exception):
    """A campaign refused: ``message`` says why in the user's language, ``errors`` per field; nothing saved."""

    def __init__(self, message: str, errors: dict | None = None):
        super().__init__(message)
        self.message, self.errors = message, errors or {}


@dataclass
class Draft:
    """What a campaign is made of, as a form or the demo gives it; ``targets`` maps areas to their targets."""

    name: str
    area: object
    starts_on: date | None
    ends_on: date | None
    kinds: list = field(default_factory=list)
    categories: list = field(default_factory=list)
    targets: dict = field(default_factory=dict)


def may_organise(user, code: str) -> bool:
    """Administrators and centre staff whose node reaches ``code`` (superusers anywhere)."""
    if user.is_superuser:
        return True
    return any(acts_at(grant, code) for grant in user.scope.holding(ORGANISERS))


def create(user, draft: Draft) -> Campaign:
    """A new campaign with its targets, or a ``CampaignError`` naming what is wrong (nothing is saved)."""
    _check(user, draft)
    with transaction.atomic():
        campaign = Campaign.objects.create(name=draft.name.strip(), area=draft.area, starts_on=draft.starts_on,
                                           ends_on=draft.ends_on, kinds=list(draft.kinds), created_by=user)
        campaign.categories.set(draft.categories)
        Target.objects.bulk_create([Target(campaign=campaign, area=area, target=n) for area, n in draft.targets.items()])
    return campaign


def _check(user, draft: Draft) -> None:
    if draft.area is None or not may_organise(user, draft.area.code):
        raise CampaignError(_("只有系统管理员或综治中心工作人员可以在其负责的区域创建专项行动。"))
    if not draft.name.strip():
        _refuse("name", _("请填写行动名称。"))
    _check_period(draft.starts_on, draft.ends_on)
    if not draft.kinds and not draft.categories:
        _refuse("kinds", _("请至少选择一种事项类型或一个事项分类。"))
    unknown = set(draft.kinds) - {kind.code for kind in registry.kinds()}
    if unknown:
        _refuse("kinds", _("没有这种事项类型：%(kinds)s。") % {"kinds": "、".join(sorted(unknown))})
    _check_targets(user, draft)


def _check_period(starts_on, ends_on) -> None:
    if starts_on is None or ends_on is None:
        _refuse("starts_on" if starts_on is None else "ends_on", _("请填写行动的开始日期和结束日期。"))
    if ends_on < starts_on:
        _refuse("ends_on", _("结束日期（%(end)s）不能早于开始日期（%(start)s）。") % {
            "end": ends_on.isoformat(), "start": starts_on.isoformat()})


def _check_targets(user, draft: Draft) -> None:
    if not draft.targets:
        _refuse("targets", _("请至少为一个区域填写目标件数。"))
    for area, target in draft.targets.items():
        if not area.code.startswith(draft.area.code) or not user.scope.covers(area.code):
            _refuse("targets", _("%(area)s不在行动的组织区域或您的负责范围内。") % {"area": area.name})
        if not 1 <= target <= MAX_TARGET:
            _refuse("targets", _("%(area)s的目标件数应为 1 到 %(max)d 之间的整数。") % {"area": area.name,
                                                                                    "max": MAX_TARGET})


def _refuse(name: str, message: str):
    raise CampaignError(message, {name: message})


# ---- what a campaign covers, and its progress


def period(campaign: Campaign) -> tuple[datetime, datetime]:
    """The campaign's days as instants: from the start day's midnight to the midnight after the end day."""
    start = timezone.make_aware(datetime.combine(campaign.starts_on, time.min))
    return start, timezone.make_aware(datetime.combine(campaign.ends_on + timedelta(days=1), time.min))


def matter_filter(campaign: Campaign, codes) -> Q:
    """Cases filed in the period, of the campaign's kinds and/or under its category branches, in the areas
    ``codes`` (its target areas, or those of them a user sees)."""
    start, end = period(campaign)
    query = Q(reported_at__gte=start, reported_at__lt=end)
    if campaign.kinds:
        query &= Q(kind__in=campaign.kinds)
    branches = [category.code for category in campaign.categories.all()]
    if branches:
        query &= _any("category__code", branches)
    return query & _any("area_code", codes)


def _any(field_name: str, prefixes) -> Q:
    query = Q(pk__in=[])
    for prefix in prefixes:
        query |= Q(**{f"{field_name}__startswith": prefix})
    return query


def targets_seen(campaign: Campaign, user) -> list[Target]:
    """The campaign's target areas in ``user``'s scope, with their areas."""
    return list(Target.objects.restrict(user).filter(campaign=campaign).select_related("area"))


def tagged(campaign: Campaign, targets: list[Target]):
    """The cases the campaign covers in these target areas, newest first."""
    return Case.objects.filter(matter_filter(campaign, [t.area.code for t in targets])).order_by("-reported_at", "-pk")


@dataclass
class Progress:
    """One target area's progress: found (filed and covered), resolved, and resolved against the target."""

    target: Target
    found: int
    resolved: int

    @property
    def percent(self) -> int:
        return round(100 * self.resolved / self.target.target) if self.target.target else 0


def progress(campaign: Campaign, targets: list[Target]) -> list[Progress]:
    """Each of ``targets`` with its counts, in one query for all of them."""
    if not targets:
        return []
    counts = {}
    for number, target in enumerate(targets):
        inside = Q(area_code__startswith=target.area.code)
        counts[f"found{number}"] = Count("pk", filter=inside)
        counts[f"resolved{number}"] = Count("pk", filter=inside & Q(status__in=RESOLVED))
    figures = tagged(campaign, targets).order_by().aggregate(**counts)
    return [Progress(target, figures[f"found{n}"], figures[f"resolved{n}"]) for n, target in enumerate(targets)]
