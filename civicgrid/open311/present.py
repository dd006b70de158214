"""What Open311 shows: services, service definitions, requests and their updates, as plain dicts that
``render`` writes as JSON or XML. Ids and codes are strings; times ISO 8601 with their zone; an empty
value is ``None`` (an empty element in XML), so both formats say the same.

Nothing personal leaves here: no reporter's name, phone or ID number, no staff member's name; a case
shows what the tracking page shows its reporter (``cases.timeline``), plus its description.
"""

from django.db.models import Prefetch
from django.utils import timezone
from django.utils.translation import gettext as _

from civicgrid.cases import registry
from civicgrid.cases.choices import AssignmentRole, AssignmentStatus, FieldType, Status
from civicgrid.cases.models import Assignment, Case, CaseEvent, CategoryField
from civicgrid.cases.timeline import explanations, public_actions, public_note, result_actions, step_detail
from civicgrid.cases.workflow import Action
from civicgrid.core.wording import clauses

from .services import open_or_closed

SPECIFICATION = "http://wiki.open311.org/GeoReport_v2"
FORMATS = ["application/json", "text/xml"]
SHORT_TEXT = 200
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
    if field.field_type == FieldType.DATE:
        return _("日期，如 2026-11-21")
    if field.field_type == FieldType.TEXT and field.max_length:
        return _("最多 %(n)d 个字") % {"n": field.max_length}
    if field.field_type == FieldType.MULTI_CHOICE:
        return _("可多选：attribute[%(code)s][]") % {"code": field.code}
    return ""


# ---- requests ------------------------------------------------------------------------------------------

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
