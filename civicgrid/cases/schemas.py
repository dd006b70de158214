"""Shapes of cases, categories and assignments in the JSON API, and the functions that fill them.

Personal data leaves masked: a reporter's phone is 138****5678 and an ID number 610102********1234 in
every answer (``reporter``); the API has no way to reveal them. Staff appear only as the department or
centre that acted (``actor_label``), as residents see them.
"""

from datetime import datetime
from typing import Annotated, Any, Literal

from django.urls import reverse
from ninja import Schema
from pydantic import Field

from civicgrid.core.http.shared import Code, Id, Input, Text, text
from civicgrid.core.validators import mask_id_number, mask_phone
from civicgrid.geo.choices import CoordinateSystem

from . import registry
from .choices import Channel, Light, Priority, Status
from .converters import CaseNumberConverter

CASE_NUMBER = f"^{CaseNumberConverter.regex}$"
CaseNumber = Annotated[str, Field(pattern=CASE_NUMBER, max_length=21)]
# Looser than the codes categories are given (codes.CODE_PATTERN): an unknown code is intake's to name.
CategoryCode = Annotated[str, Field(pattern=r"^\d{2}(\.\d{2,3})*$", max_length=32)]
OPEN = "open"


# ---- out


class Named(Schema):
    code: str
    name: str


class DepartmentRef(Schema):
    id: int
    name: str


class Reporter(Schema):
    name: str
    phone: str = Field(description="Masked: 138****5678.")
    id_number: str = Field(description="Masked: 610102********1234.")
    anonymous: bool


class CaseOut(Schema):
    number: str
    title: str
    status: str
    status_label: str
    kind: str
    channel: str
    priority: str
    category: Named
    area: Named
    address: str
    longitude: float | None = Field(description="WGS84")
    latitude: float | None = Field(description="WGS84")
    reported_at: datetime
    due_at: datetime | None
    light: str
    overdue: bool
    supervised: bool
    version: int = Field(description="Send it back with an action, so a step on a stale view is refused.")


class CaseList(Schema):
    items: list[CaseOut]
    next: str | None = Field(description="Pass as `cursor` for the next page; null at the end.")


class AssignmentOut(Schema):
    id: int
    case: str
    department: DepartmentRef
    role: str
    status: str
    status_label: str
    dispatched_at: datetime
    accept_due_at: datetime | None
    due_at: datetime | None
    accepted_at: datetime | None
    handled_at: datetime | None
    result: str
    light: str
    overdue: bool


class StepOut(Schema):
    action: str
    label: str
    assignment: int | None
    needs_note: bool
    needs_files: bool


class CaseDetail(CaseOut):
    description: str
    extra: dict[str, Any]
    reporter: Reporter
    centre: Named
    closed_at: datetime | None
    satisfaction: str
    rework_count: int
    duplicate_of: str | None
    parent: str | None
    assignments: list[AssignmentOut]
    actions: list[StepOut] = Field(description="The steps the caller may take now.")


class CaseCreated(CaseDetail):
    warning: str = Field(description="Set when the case could only be filed by its address, for a centre to place.")


class AttachmentOut(Schema):
    id: int
    name: str
    content_type: str
    size: int
    created_at: datetime
    event: int | None
    url: str


class EventOut(Schema):
    id: int
    action: str
    label: str
    from_status: str
    to_status: str
    actor_label: str = Field(description="Who acted, as the timeline shows it in place of a name, in the "
                                         "language of the request (Chinese by default).")
    actor_role: str = Field(description="Who acted, as a code: a role (`dispatcher`, `grid_worker` …) or "
                                        "`resident`, `system`, `channel`, `department`, `centre`; empty for an "
                                        "event written before codes.")
    actor_org: str = Field(description="The department, the centre's area or the grid acted for, as named (for "
                                       "`channel`, the channel's code).")
    note: str
    data: dict[str, Any]
    assignment: int | None
    created_at: datetime
    attachments: list[AttachmentOut]


class EventList(Schema):
    items: list[EventOut]


class ActionResult(Schema):
    event: EventOut
    case: CaseDetail


class ApprovalOut(Schema):
    id: int
    kind: str
    kind_label: str
    reason: str
    amount: int | None
    unit: str
    assignment: int | None
    requested_at: datetime
    decide_action: str = Field(description="The step an approval carries out; the caller needs its grant.")


class ApprovalList(Schema):
    items: list[ApprovalOut]


# ---- in


class LocationIn(Input):
    longitude: float = Field(ge=-180, le=180, allow_inf_nan=False)
    latitude: float = Field(ge=-90, le=90, allow_inf_nan=False)
    system: CoordinateSystem = CoordinateSystem.WGS84


class ReporterIn(Input):
    name: Text = ""
    phone: text(32) = ""
    id_number: text(32) = ""
    anonymous: bool = False


# Intake checks every extra value against its field and names the field by its label, control characters included;
# checked here too, a text value would fail each member of the union, with as many messages.
ExtraValue = text(2000, checked=False) | int | float | bool | list[text(200, checked=False)] | None


class CaseIn(Input):
    """A new case. Lengths and extra values are checked by intake, which names each limit."""

    category: CategoryCode = Field(description="Category code, e.g. 01.02.003 (see /categories).")
    title: Text
    description: Text
    location: LocationIn | None = Field(None, description="The point; or give `address` for a centre to place it.")
    address: Text = ""
    reporter: ReporterIn = Field(default_factory=ReporterIn, description=(
        "`id_number` needs a staff role that registers matters, or the grant `file_sensitive`: otherwise 400."))
    priority: Priority = Field(Priority.NORMAL, description=(
        "`urgent` and `critical` need a staff role that registers matters, or the grant `file_sensitive`: "
        "otherwise 400."))
    unit: Code | None = Field(None, description=(
        "A unit (楼栋, 楼层) the filer looks after, instead of or beside `location`: the case is placed at its grid."))
    channel: Channel | None = Field(None, description="Defaults to open311 for applications without a staff account.")
    extra: dict[text(50), ExtraValue] = Field(default_factory=dict, max_length=50,
                                              description="Values of the category's extra fields, by field code.")


class ActionIn(Input):
    action: text(32) = Field(description="A step of the loop; `actions` on a case lists those you may take.")
    version: int | None = Field(None, ge=1, le=2**31 - 1, description="The case version you saw.")
    note: Text = ""
    assignment: Id | None = Field(None, description="For department steps: the assignment acted on.")
    params: dict[text(50), Any] = Field(default_factory=dict, max_length=20, description=(
        "The step's input, by the fields of its input schema (docs/api.md, \"What a step takes\"); a field the "
        "step does not take, or a value that does not fit, is a 422 naming the field."))


class DecisionIn(Input):
    approve: bool
    note: Text = ""
    version: int | None = Field(None, ge=1, le=2**31 - 1)


class CaseFilters(Schema):
    status: Literal[(OPEN, *Status.values)] | None = None
    category: CategoryCode | None = Field(None, description="This category and those under it.")
    area: Code | None = Field(None, description="Area code prefix.")
    channel: Channel | None = None
    light: Light | None = None
    overdue: bool | None = None
    reported_from: datetime | None = None
    reported_to: datetime | None = None
    q: text(50) | None = Field(None, description="In the number or the title.")


# ---- filling


def named(record) -> dict:
    return {"code": record.code, "name": record.name}


def case_out(case) -> dict:
    return {
        "number": case.number, "title": case.title, "status": case.status, "status_label": case.get_status_display(),
        "kind": case.kind, "channel": case.channel, "priority": case.priority, "category": named(case.category),
        "area": named(case.area), "address": case.address, "longitude": case.longitude, "latitude": case.latitude,
        "reported_at": case.reported_at, "due_at": case.due_at, "light": getattr(case, "light", Light.NONE),
        "overdue": case.overdue, "supervised": case.supervised, "version": case.version,
    }


def reporter(case, public: bool = False) -> dict:
    """Masked for staff; for a public client (see ``Principal.public``) nothing that names the person."""
    if public:
        return {"name": "", "phone": "", "id_number": "", "anonymous": case.anonymous}
    return {"name": case.reporter_name, "phone": mask_phone(case.reporter_phone),
            "id_number": mask_id_number(case.reporter_id_number), "anonymous": case.anonymous}


def case_detail(case, assignments, steps, public: bool = False) -> dict:
    return {
        **case_out(case), "description": case.description, "extra": case.extra or {},
        "reporter": reporter(case, public),
        "centre": named(case.centre_area), "closed_at": case.closed_at, "satisfaction": case.satisfaction,
        "rework_count": case.rework_count, "duplicate_of": case.duplicate_of.number if case.duplicate_of_id else None,
        "parent": case.parent.number if case.parent_id else None,
        "assignments": [assignment_out(a, case) for a in assignments], "actions": [step_out(*s) for s in steps],
    }


def assignment_out(assignment, case=None) -> dict:
    return {
        "id": assignment.pk, "case": (case or assignment.case).number,
        "department": {"id": assignment.department_id, "name": assignment.department.name},
        "role": assignment.role, "status": assignment.status, "status_label": assignment.get_status_display(),
        "dispatched_at": assignment.dispatched_at, "accept_due_at": assignment.accept_due_at,
        "due_at": assignment.due_at, "accepted_at": assignment.accepted_at, "handled_at": assignment.handled_at,
        "result": assignment.result, "light": getattr(assignment, "light", Light.NONE), "overdue": assignment.overdue,
    }


def step_out(row: registry.Step, assignment) -> dict:
    return {"action": row.action, "label": str(row.label),
            "assignment": assignment.pk if assignment else None, "needs_note": row.needs_note,
            "needs_files": row.needs_files}


def attachment_out(attachment, number: str) -> dict:
    return {"id": attachment.pk, "name": attachment.name, "content_type": attachment.content_type,
            "size": attachment.size, "created_at": attachment.created_at, "event": attachment.event_id,
            "url": reverse("api-v1:case_attachment", args=[number, attachment.pk])}


def event_out(event, number: str) -> dict:
    return {"id": event.pk, "action": event.action, "label": registry.label(event.action), "from_status": event.from_status,
            "to_status": event.to_status, "actor_label": event.by, "actor_role": event.actor_role,
            "actor_org": event.actor_org, "note": event.note,
            "data": event.data or {}, "assignment": event.assignment_id, "created_at": event.created_at,
            "attachments": [attachment_out(a, number) for a in event.attachments.all()]}


def approval_out(approval) -> dict:
    return {"id": approval.pk, "kind": approval.kind, "kind_label": approval.get_kind_display(),
            "reason": approval.reason, "amount": approval.amount, "unit": approval.unit,
            "assignment": approval.assignment_id, "requested_at": approval.requested_at,
            "decide_action": registry.approver_action(approval.kind)}
