"""JSON API for the steps of a case: perform an action, upload files with one, decide a pending request,
and download a case's files.

Every step goes through ``services.transition`` (or ``services.decide``) as the caller: a staff member,
or a client application's staff account. An application needs the step in its grants as well, so the
loop's table decides what the account may do and the grants narrow it further; without a staff account
an application takes no steps at all.
"""

from django.db import transaction
from django.http import Http404
from django.utils.translation import gettext as _
from ninja import File, Form, Schema
from ninja.files import UploadedFile
from pydantic import Field, TypeAdapter, ValidationError

from civicgrid.core.http.errors import ApiError
from civicgrid.core.http.grants import Grant
from civicgrid.core.http.shared import Id, Input, Text, text, with_errors

from .. import attachments, registry, services, timeline
from ..choices import ApprovalStatus
from ..models import Case, CaseEvent
from ..schemas import (
    ActionIn,
    ActionResult,
    ApprovalList,
    AttachmentOut,
    CaseNumber,
    DecisionIn,
    approval_out,
    attachment_out,
    event_out,
)
from ..workflow import NotAllowed
from .cases import CASE_PATH, DETAIL_RELATED, cases, detail, scoped_case

FILE_RESPONSE = {"responses": {200: {"description": "The file.", "content": {
    "application/octet-stream": {"schema": {"type": "string", "format": "binary"}}}}}}


PARAMS = TypeAdapter(ActionIn.model_fields["params"].annotation)


class AttachmentList(Schema):
    items: list[AttachmentOut]


class UploadIn(Input):
    """An action sent as a form with its files; ``params`` is the same object as in JSON, as text."""

    action: text(32)
    version: int | None = Field(None, ge=1, le=2**31 - 1)
    note: Text = ""
    assignment: Id | None = None
    params: text(2000) = "{}"


def actor_for(principal, action: str):
    """Who takes the step: the staff member, or the application's staff account if it is granted the step."""
    if principal.application is not None:
        principal.require(action)
        if principal.actor is None:
            raise NotAllowed(_("此客户端应用没有代理账号，不能办理案件步骤。"))
    return principal.actor


def result(principal, event) -> dict:
    """The step's event and the case as it is now (its new version, state and steps)."""
    case = Case.objects.with_light().select_related(*DETAIL_RELATED).get(pk=event.case_id)
    event = CaseEvent.objects.prefetch_related("attachments").get(pk=event.pk)
    return {"event": event_out(event, case.number), "case": detail(principal, case)}


def take(request, number: str, body: ActionIn, files=()) -> dict:
    principal = request.auth
    case = scoped_case(request, number, related=())
    actor = actor_for(principal, body.action)
    params = body.params
    if isinstance(params.get("original"), str):  # a merge: the original must be one the caller may see too
        principal.get(Case.objects, number=params["original"][:32])
    with transaction.atomic():
        event = services.transition(case, body.action, actor, version=body.version, assignment=body.assignment,
                                    note=body.note, files=files, **params)
        if not principal.covers(Case.objects.values_list("area_code", flat=True).get(pk=event.case_id)):
            message = _("该位置不在此客户端应用的区域范围内。")
            raise ApiError(422, "outside_area", message, {"location": message})  # rolls the step back
    return result(principal, event)


@cases.post(f"{CASE_PATH}/actions", response=with_errors({200: ActionResult}), summary="Take a step on the case")
def case_act(request, number: CaseNumber, body: ActionIn):
    return take(request, number, body)


@cases.get(f"{CASE_PATH}/attachments", response=with_errors({200: AttachmentList}), summary="The case's files")
def attachment_list(request, number: CaseNumber):
    request.auth.require(Grant.READ)
    case = scoped_case(request, number, related=())
    return {"items": [attachment_out(a, case.number) for a in visible_files(request.auth, case)]}


@cases.post(f"{CASE_PATH}/attachments", response=with_errors({200: ActionResult}),
            summary="Take a step with photos or files (multipart)")
def attachment_upload(request, number: CaseNumber, form: Form[UploadIn], files: File[list[UploadedFile]]):
    try:
        params = PARAMS.validate_json(form.params)
    except ValidationError as error:
        message = _("params 应为 JSON 对象，字段同 JSON 接口。")
        raise ApiError(422, "invalid", message, {"params": str(error.errors()[0]["msg"])}) from None
    body = ActionIn(action=form.action, version=form.version, note=form.note, assignment=form.assignment,
                    params=params)
    return take(request, number, body, files)


@cases.get(f"{CASE_PATH}/attachments/{{int:attachment_id}}", response=with_errors({200: None}),
           url_name="case_attachment", summary="Download one file", openapi_extra=FILE_RESPONSE)
def attachment_download(request, number: CaseNumber, attachment_id: Id):
    request.auth.require(Grant.READ)
    found = visible_files(request.auth, scoped_case(request, number, related=())).filter(pk=attachment_id).first()
    if found is None:
        raise Http404
    return attachments.response(found)


def visible_files(principal, case):
    """A public client gets the results' photos, as the tracking page shows them; staff every file."""
    found = case.attachments.all()
    return found.filter(event__action__in=timeline.result_actions()) if principal.public else found


@cases.get(f"{CASE_PATH}/approvals", response=with_errors({200: ApprovalList}), summary="Pending requests")
def approval_list(request, number: CaseNumber):
    request.auth.require(Grant.READ)
    case = scoped_case(request, number, related=())
    return {"items": [approval_out(a) for a in case.approvals.filter(status=ApprovalStatus.PENDING)]}


@cases.post(f"{CASE_PATH}/approvals/{{int:approval_id}}", response=with_errors({200: ActionResult}),
            summary="Approve or refuse a pending request")
def approval_decide(request, number: CaseNumber, approval_id: Id, body: DecisionIn):
    approval = scoped_case(request, number, related=()).approvals.filter(pk=approval_id).first()
    if approval is None:
        raise Http404
    actor = actor_for(request.auth, registry.approver_action(approval.kind))
    event = services.decide(approval, body.approve, actor, note=body.note, version=body.version)
    return result(request.auth, event)

