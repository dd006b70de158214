"""Badges and labels the staff pages of the loop share: status, traffic light, action names, event summaries."""

from django import template
from django.utils.translation import gettext as _

from civicgrid.core.choices import TimeUnit
from civicgrid.core.validators import mask_id_number
from civicgrid.core.wording import clauses, listing

from .. import intake, registry, timeline
from ..choices import AssignmentStatus, Light, Satisfaction, Status
from ..workflow import Action

register = template.Library()
register.filter("mask_id", mask_id_number)

STATUS_CLASSES = {
    Status.REPORTED: "text-bg-secondary", Status.REGISTERED: "text-bg-info", Status.DISPATCHED: "text-bg-primary",
    Status.HANDLED: "text-bg-warning", Status.VERIFIED: "text-bg-warning", Status.CLOSED: "text-bg-success",
    Status.RATED: "text-bg-success", Status.SELF_RESOLVED: "text-bg-success", Status.VOIDED: "text-bg-dark",
    Status.MERGED: "text-bg-light border", Status.NO_CALLBACK: "text-bg-success",
    AssignmentStatus.ACCEPTED: "text-bg-primary", AssignmentStatus.RETURNED: "text-bg-dark",
}
LIGHT_CLASSES = {
    Light.GREEN: "text-bg-success", Light.YELLOW: "text-bg-warning", Light.RED: "text-bg-danger",
    Light.SUSPENDED: "text-bg-secondary", Light.NONE: "text-bg-light border",
}


@register.filter
def files_reports(user) -> bool:
    """Whether the user may file a matter on the staff intake page (受理登记, or a head's 上报问题)."""
    return bool(intake.staff_channels(user))


@register.filter
def status_class(value) -> str:
    return STATUS_CLASSES.get(value, "text-bg-secondary")


@register.filter
def light_class(value) -> str:
    return LIGHT_CLASSES.get(value, "text-bg-light border")


@register.filter
def light_label(value) -> str:
    return _label(Light, value)


@register.filter
def action_label(value) -> str:
    """The registered step's name: the spine's, or another app's (a petition's 记录接访下访)."""
    return registry.label(value) if value else ""


def _label(choices, value) -> str:
    try:
        return str(choices(value).label)
    except ValueError:
        return value or ""


@register.filter
def event_summary(event) -> str:
    """What a step decided, in a line: the departments sent, the rating, the case merged into, the time added;
    a step another app registered says it in its own words (its ``describe``)."""
    if event.action not in Action.values:
        return timeline.step_detail(event)
    data = event.data or {}
    parts = []
    if data.get("lead"):
        parts.append(_("主办：%(name)s") % {"name": data["lead"]})
    if data.get("co"):
        parts.append(_("协办：%(names)s") % {"names": listing(data["co"])})
    if data.get("original"):
        parts.append(_("并入：%(number)s") % {"number": data["original"]})
    if data.get("satisfaction"):
        parts.append(_("评价：%(label)s") % {"label": _label(Satisfaction, data["satisfaction"])})
    if data.get("amount"):
        unit = _label(TimeUnit, data.get("unit") or TimeUnit.WORK_DAYS)
        parts.append(_("延长 %(n)s %(unit)s") % {"n": data["amount"], "unit": unit})
    if data.get("to_centre"):
        parts.append(_("上报至：%(name)s") % {"name": data["to_centre"]})
    return clauses(parts)
