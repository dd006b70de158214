"""JSON API for cases (案件): file one, list them with filters and a cursor, read one and its timeline.

Filing goes through ``intake.file_case`` and nothing else. A client application files as its staff
account when it has one (on that account's channels), otherwise as a resident on the open311 channel;
either way only inside its area. With an ``Idempotency-Key`` a retried request gets the first answer
back instead of a second case.
"""

from datetime import datetime

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import Header, Query, Router
from ninja.responses import Status

from civicgrid.core import access
from civicgrid.core.calendar import YEARS
from civicgrid.core.choices import Via
from civicgrid.core.http import idempotency, pagination
from civicgrid.core.http.errors import ApiError
from civicgrid.core.http.grants import Grant
from civicgrid.core.http.shared import with_errors
from civicgrid.geo.choices import CoordinateSystem
from civicgrid.geo.models import Area

# converters registers <case:…> for the paths
from .. import converters, intake, reveal, timeline, workflow  # noqa: F401
from ..choices import Channel
from ..filters import CASE_FILTERS, apply
from ..models import Case, Category
from ..schemas import (
    CaseCreated,
    CaseDetail,
    CaseFilters,
    CaseIn,
    CaseList,
    CaseNumber,
    EventList,
    case_detail,
    case_out,
    event_out,
)
from ..workflow import InvalidInput

cases = Router(tags=["cases"])
CASE_PATH = "/{case:number}"
DETAIL_RELATED = ("category", "area", "centre_area", "duplicate_of", "parent")


# ---- reading


def scoped_case(request, number: str, related=DETAIL_RELATED) -> Case:
    """The case with this number inside the caller's scope (404 otherwise), with its light."""
    found = Case.objects.with_light()
    return request.auth.get(found.select_related(*related) if related else found, number=number)


def steps_for(principal, case, assignments) -> list:
    """The steps the caller may take now; an application only those it is granted, through its staff account."""
    if principal.actor is None:
        return []
    found = workflow.available(principal.actor, case, assignments)
    if principal.application is not None:
        found = [(row, a) for row, a in found if principal.may(row.action)]
    return found


def detail(principal, case: Case) -> dict:
    assignments = list(case.assignments.with_light().select_related("department"))
    return case_detail(case, assignments, steps_for(principal, case, assignments), public=principal.public)


@cases.get("", response=with_errors({200: CaseList}), summary="Cases in scope, newest first, a page at a time")
def case_list(request, filters: Query[CaseFilters], cursor: str | None = Query(None, max_length=200),
              limit: int = Query(pagination.PAGE_SIZE, ge=1, le=pagination.MAX_PAGE_SIZE)):
    request.auth.require(Grant.READ)
    found = request.auth.restrict(Case.objects.with_light()).select_related("category", "area")
    rows, following = pagination.page(narrowed(found.defer("description", "extra"), filters), "reported_at",
                                      cursor, limit)
    return {"items": [case_out(c) for c in rows], "next": following}


def narrowed(queryset, filters: CaseFilters):
    """The queue's own filters (status, light, area, category, channel, q), and the API's time range."""
    data = {name: getattr(filters, name) for name in ("status", "light", "area", "category", "channel", "q")}
    queryset = apply(queryset, {k: (v.value if hasattr(v, "value") else v) for k, v in data.items()}, CASE_FILTERS)
    if filters.overdue is not None:
        queryset = queryset.filter(overdue=filters.overdue)
    start, end = reported_range(filters)
    if start:
        queryset = queryset.filter(reported_at__gte=start)
    if end:
        queryset = queryset.filter(reported_at__lt=end)
    return queryset


def reported_range(filters: CaseFilters) -> tuple[datetime | None, datetime | None]:
    """``reported_from`` and ``reported_to`` read as instants; an end before the start is a 400 naming both."""
    start = bounded(filters.reported_from, "reported_from") if filters.reported_from else None
    end = bounded(filters.reported_to, "reported_to") if filters.reported_to else None
    if start and end and end < start:
        message = _("reported_to 早于 reported_from，没有案件能落在这个时间段内。")
        raise ApiError(400, "invalid", message, {"reported_from": message, "reported_to": message})
    return start, end


def bounded(moment: datetime, name: str) -> datetime:
    """An aware instant between 2000 and 2100; a time without a zone is read in the server's zone."""
    if moment.year not in YEARS:
        message = _("时间须在 2000 年到 2100 年之间。")
        raise ApiError(422, "invalid", message, {name: message})
    return timezone.make_aware(moment) if timezone.is_naive(moment) else moment


@cases.get(CASE_PATH, response=with_errors({200: CaseDetail}), summary="One case")
def case_read(request, number: CaseNumber):
    principal = request.auth
    principal.require(Grant.READ)
    case = scoped_case(request, number)
    if not principal.public:  # the answer names the reporter: a view of their record, in the access log
        reveal.viewed(case, principal.actor, access.where(request, Via.API, principal.client))
    return detail(principal, case)


@cases.get(f"{CASE_PATH}/events", response=with_errors({200: EventList}), summary="The case's timeline")
def case_events(request, number: CaseNumber):
    request.auth.require(Grant.READ)
    case = scoped_case(request, number, related=())
    events = case.events.select_related("assignment").prefetch_related("attachments")
    if request.auth.public:  # an application with no staff account sees what the reporter sees
        events = events.filter(action__in=timeline.public_actions())
        return {"items": [public_event(e, case.number) for e in events]}
    return {"items": [event_out(e, case.number) for e in events]}


def public_event(event, number: str) -> dict:
    """An event as the tracking page shows it: results keep their note and photos, other steps neither."""
    shown = {**event_out(event, number), "data": {}}
    if event.action not in timeline.result_actions():
        shown.update(note="", attachments=[])
    return shown


# ---- filing


@cases.post("", response=with_errors({201: CaseCreated}), summary="File a case")
def case_create(request, body: CaseIn, idempotency_key: str | None = Header(None, alias="Idempotency-Key")):
    principal = request.auth
    principal.require(Grant.FILE)
    status, answer = idempotency.once(principal.owner, idempotency_key, body.model_dump(mode="json"),
                                      lambda: file(principal, body))
    return Status(status, answer)


def file(principal, body: CaseIn) -> tuple[int, dict]:
    """File through intake; a case outside the application's area is refused and rolled back."""
    with transaction.atomic():
        case = intake.file_case(report(principal, body), user=principal.actor, application=principal.application)
        if not principal.covers(case.area_code):
            message = _("该位置不在此客户端应用的区域范围内。")
            raise ApiError(422, "outside_area", message, {"location": message})
    filed = Case.objects.with_light().select_related(*DETAIL_RELATED).get(pk=case.pk)
    answer = {**detail(principal, filed), "warning": case.placement_warning}
    return 201, CaseCreated.model_validate(answer).model_dump(mode="json")


def report(principal, body: CaseIn) -> intake.Report:
    location, who = body.location, body.reporter
    return intake.Report(
        category=Category.objects.filter(code=body.category).first(), title=body.title,
        description=body.description, channel=channel(principal, body.channel), address=body.address,
        longitude=location.longitude if location else None, latitude=location.latitude if location else None,
        system=(location.system if location else CoordinateSystem.WGS84).value, reporter_name=who.name,
        reporter_phone=who.phone, reporter_id_number=who.id_number, anonymous=who.anonymous,
        priority=body.priority.value, extra=body.extra, unit=unit(body.unit))


def unit(code: str | None):
    """The unit named by code; intake says whether the filer may report from it."""
    if not code:
        return None
    found = Area.objects.filter(code=code, level__in=intake.UNIT_LEVELS).first()
    if found is None:
        message = _("没有代码为 %(code)s 的楼栋、楼层等责任单元。") % {"code": code}
        raise InvalidInput(message, {"unit": message})
    return found


def channel(principal, asked: Channel | None) -> str:
    """The channel asked for (intake checks the filer may use it), or the only one the filer has."""
    if asked is not None:
        return asked.value
    if principal.actor is None:
        return Channel.OPEN311
    allowed = intake.channels_for(principal.actor)
    if len(allowed) <= 1:  # with none, intake refuses the filer
        return next(iter(allowed), Channel.OPEN311)
    message = _("请指定来源渠道（channel）。")
    raise InvalidInput(message, {"channel": message})

