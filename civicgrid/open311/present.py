"""What Open311 shows: services, service definitions, requests and their updates, as plain dicts that
``render`` writes as JSON or XML. Ids and codes are strings; times ISO 8601 with their zone; an empty
value is ``None`` (an empty element in XML), so both formats say the same.

Nothing personal leaves here: no reporter's name, phone or ID number, no staff member's name; a case
shows what the tracking page shows its reporter (``cases.timeline``), plus its description. Read without a
key (a public service's request), a case shows only what a public map would: its service and state, its
grid (the grid's centre, its name and street) and times, and its description with phone and ID numbers and
names taken out (``core.redaction``), or none where the service says so.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.db.models import Prefetch, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from civicgrid.cases import registry
from civicgrid.cases.choices import AssignmentRole, AssignmentStatus, FieldType, Status
from civicgrid.cases.models import Assignment, Case, CaseEvent, CategoryField
from civicgrid.cases.timeline import explanations, public_actions, public_note, result_actions, step_detail
from civicgrid.cases.workflow import Action
from civicgrid.core.redaction import redact
from civicgrid.core.wording import clauses
from civicgrid.geo.locator import get_index

from .services import open_or_closed

SPECIFICATION = "http://wiki.open311.org/GeoReport_v2"
FORMATS = ["application/json", "text/xml"]
SHORT_TEXT = 200
PUBLIC_DECIMALS = 2  # about a kilometre: where a case has no grid, a public reading shows its point no finer
DATATYPES = {FieldType.NUMBER: "number", FieldType.DATE: "datetime", FieldType.CHOICE: "singlevaluelist",
             FieldType.MULTI_CHOICE: "multivaluelist"}


def note_actions() -> frozenset:
    """Steps whose words become a request's ``status_notes``: the results, and where a duplicate went."""
    return result_actions() | {Action.MERGE}


def update_actions() -> frozenset:
    """Every step residents see, but the filing itself: Open311 lists it as the request, not an update."""
    return public_actions() - {Action.REPORT}


def iso(moment) -> str | None:
    return timezone.localtime(moment).isoformat(timespec="seconds") if moment else None


def text(value) -> str | None:
    return str(value) if value not in (None, "") else None


# ---- services ------------------------------------------------------------------------------------------

def services(found) -> list[dict]:
    with_fields = set(CategoryField.objects.values_list("category__code", flat=True).distinct())
    return [service(s, bool(with_fields & set(s.category.lineage_codes()))) for s in found]


def service(found, metadata: bool) -> dict:
    return {
        "service_code": found.service_code, "service_name": found.category.name,
        "description": text(found.description), "metadata": metadata, "type": "realtime",
        "keywords": text(found.keywords), "group": text(found.group),
    }


def definition(found) -> dict:
    fields = found.category.all_fields()
    return {"service_code": found.service_code,
            "attributes": [attribute(field, order) for order, field in enumerate(fields, start=1)]}


def attribute(field, order: int) -> dict:
    item = {
        "variable": True, "code": field.code, "datatype": datatype(field), "required": field.required,
        "datatype_description": text(datatype_description(field)), "order": order, "description": field.label,
    }
    if field.field_type in (FieldType.CHOICE, FieldType.MULTI_CHOICE):
        item["values"] = [{"key": choice, "name": choice} for choice in field.choices]
    return item


def datatype(field) -> str:
    if field.field_type == FieldType.TEXT:
        return "string" if field.max_length and field.max_length <= SHORT_TEXT else "text"
    return DATATYPES[field.field_type]


def datatype_description(field) -> str:
    if field.field_type == FieldType.NUMBER:
        return _("数字，如 12 或 3.5")
    if field.field_type == FieldType.DATE:
        return _("日期，如 2026-11-21")
    if field.field_type == FieldType.TEXT and field.max_length:
        return _("最多 %(n)d 个字") % {"n": field.max_length}
    if field.field_type == FieldType.MULTI_CHOICE:
        return _("可多选：attribute[%(code)s][]") % {"code": field.code}
    return ""


# ---- requests ------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Reading:
    """The requests a caller may read (``cases``), how a page of them is read for showing (``load``, before the
    page is cut) and how the page is shown (``show``): in full for a key of the area, or as on a public map."""

    cases: QuerySet
    load: Callable[[QuerySet], QuerySet]
    show: Callable[[QuerySet], list[dict]]


def with_details(cases):
    """The cases with all a request shows, in a fixed number of queries whatever their number."""
    leads = (Assignment.objects.filter(role=AssignmentRole.LEAD).exclude(status=AssignmentStatus.RETURNED)
             .select_related("department").order_by("pk"))
    notes = CaseEvent.objects.filter(action__in=note_actions()).order_by("created_at", "pk")
    return cases.select_related("category__open311_service", "open311_request").prefetch_related(
        Prefetch("assignments", queryset=leads, to_attr="open311_leads"),
        Prefetch("events", queryset=notes, to_attr="open311_notes"))


def requests(cases) -> list[dict]:
    notices = explanations()
    return [request(case, notices) for case in cases]


def request(case: Case, notices: dict) -> dict:
    lead = case.open311_leads[-1].department.name if case.open311_leads else None
    origin = getattr(case, "open311_request", None)
    return {
        "service_request_id": case.number, "status": open_or_closed(case.status),
        "status_notes": text(status_notes(case, notices)), "service_name": case.category.name,
        "service_code": case.category.open311_service.service_code, "description": text(case.description),
        "agency_responsible": lead, "service_notice": text(notices.get(case.status)),
        "requested_datetime": iso(case.reported_at), "updated_datetime": iso(case.updated_at),
        "expected_datetime": iso(case.due_at), "address": text(case.address), "address_id": None,
        "zipcode": None, "lat": case.latitude, "long": case.longitude,
        "media_url": text(origin.media_url) if origin else None,
    }


def with_public_details(cases):
    """The cases with their service and their grid's street (township) and county, in one query."""
    return cases.select_related("category__open311_service", "area__parent__parent__parent")


def public_requests(cases) -> list[dict]:
    index = get_index()
    return [public_request(case, index) for case in cases]


def public_request(case: Case, index) -> dict:
    """What a public map shows of a request: no notes, no department, no photo, no exact place."""
    service = case.category.open311_service
    lon, lat = public_point(case, index)
    shown = redact(case.description, [case.reporter_name]) if service.public_description else ""
    return {
        "service_request_id": case.number, "status": open_or_closed(case.status), "status_notes": None,
        "service_name": case.category.name, "service_code": service.service_code, "description": text(shown),
        "agency_responsible": None, "service_notice": None, "requested_datetime": iso(case.reported_at),
        "updated_datetime": iso(case.updated_at), "expected_datetime": None, "address": public_address(case.area),
        "address_id": None, "zipcode": None, "lat": lat, "long": lon, "media_url": None,
    }


def public_point(case: Case, index) -> tuple[float | None, float | None]:
    """The centre of the case's grid; a case placed above the grids (by address) shows its point rounded."""
    centre = index.centre(case.area_code)  # None above the grids
    if centre is not None:
        return round(centre[0], 6), round(centre[1], 6)
    if case.longitude is None or case.latitude is None:
        return None, None
    return round(case.longitude, PUBLIC_DECIMALS), round(case.latitude, PUBLIC_DECIMALS)


def public_address(area) -> str:
    """榆阳区鼓楼街道鸳鸯湖第1网格: the grid with its street (乡镇街道) and county; above the grids, the area's name."""
    if not area.is_grid:
        return area.name
    township = area.parent.parent
    return f"{township.parent.name}{township.name}{area.name}"


def status_notes(case: Case, notices: dict) -> str:
    """The latest result residents may read (or the case it was merged into); why a voided case ended."""
    if case.open311_notes:
        event = case.open311_notes[-1]
        return public_note(event) or step_detail(event)
    return notices[Status.VOIDED] if case.status == Status.VOIDED else ""


# ---- updates -------------------------------------------------------------------------------------------

def updates(events) -> list[dict]:
    return [update(event) for event in events]


def update(event: CaseEvent) -> dict:
    return {
        "update_id": str(event.pk), "service_request_id": event.case.number,
        "status": open_or_closed(event.to_status or event.case.status), "updated_datetime": iso(event.created_at),
        "description": update_text(event), "media_url": None,
    }


def update_text(event: CaseEvent) -> str:
    """``处理反馈（市城管局）：已清理``: the step, who took it, and what residents may read of it."""
    label, by = registry.label(event.action), event.by
    head = _("%(step)s（%(by)s）") % {"step": label, "by": by} if by else label
    rest = clauses([step_detail(event), public_note(event)])
    return _("%(head)s：%(rest)s") % {"head": head, "rest": rest} if rest else head
