"""Open311 GeoReport v2 (http://wiki.open311.org/GeoReport_v2) at ``/open311/v2/``, JSON and XML.

Each view reads its input (``inputs``), asks the services (``services``: the same ``file_case`` and
``transition`` the web pages use) and writes the answer (``present`` → ``render``). Every refusal is
an Open311 error: 404 for unknown ids (and for cases outside the key's area, or not public without a key:
they do not exist for the caller), 403 for an unknown or revoked key, a missing one where one is needed or
a missing grant, 429 past a rate, 413 for a body too large, 400 for anything else wrong with the input;
nothing is written and never a 500.

Decisions where the specification leaves a choice:
- ``GET requests`` and ``GET requests/{id}`` read with a key granted ``read`` show the requests of the key's
  area in full. Without a key (the specification makes reads keyless, and read-only clients send none)
  they show only the services an administrator made public (street lights, roads: never matters about
  people), as a public map would: the grid instead of the point, no notes, no photo, and the description
  with phone and ID numbers and names taken out, or none. Residents write descriptions for the centre,
  not for the world. ``servicerequestupdates`` needs a key with ``read``.
  No reporter's name, phone or ID number, no staff name appears anywhere in Open311 output.
- ``service_request_id`` is the case number (610802-20261121-00042): the number residents are told.
- A request is filed at once, so ``POST requests`` answers with its ``service_request_id``; it also
  answers a ``token``, kept with the request, for clients written for jurisdictions that file later and
  always ask ``tokens/{token}``. The token is random, so ``tokens/{token}`` needs no key.
- GeoReport has no title: the title is the service's name and the start of the description.
- ``servicerequestupdates`` (mySociety's extension, used by FixMyStreet) lists the public steps of the
  loop (``cases.timeline``) and takes a client's update as a remark (补充说明) by the resident; a remark
  does not change the state, so a client cannot close a case.
"""

from functools import wraps

from django.conf import settings
from django.core.exceptions import (
    RequestDataTooBig,
    SuspiciousOperation,
    ValidationError,
)
from django.core.validators import URLValidator, validate_email
from django.db.models import Max
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt

from civicgrid.api import keys
from civicgrid.cases.choices import FINISHED_STATUSES, Priority
from civicgrid.cases.models import CaseEvent
from civicgrid.cases.workflow import NotAllowed, WorkflowError
from civicgrid.core.http import ratelimit
from civicgrid.core.http.grants import Grant
from civicgrid.core.validators import tidy_phone

from . import inputs, present, services
from .inputs import Refusal
from .models import Service, ServiceRequest
from .render import errors_response, rate_limited, respond

COMMON = {"jurisdiction_id", "api_key"}
# ``priority`` and ``id_number`` are civicgrid's extension for 12345 systems filing as a clerk would (with the
# grant ``file_sensitive``); GeoReport's own clients never send them.
FILING = COMMON | {"service_code", "lat", "long", "address_string", "address_id", "email", "device_id",
                   "account_id", "first_name", "last_name", "phone", "description", "media_url", "priority",
                   "id_number"}
LISTING = COMMON | {"service_request_id", "service_code", "start_date", "end_date", "status", "page", "page_size"}
UPDATES = COMMON | {"start_date", "end_date", "page", "page_size"}
# mySociety's extension names; FixMyStreet sends them all, only description and update_id are used.
UPDATING = COMMON | {"service_request_id", "description", "update_id", "updated_datetime", "status", "media_url",
                     "email", "first_name", "last_name", "title", "phone", "account_id", "service_request_id_ext",
                     "public_anonymity_required", "email_alerts_requested", "external_status_code"}
UPDATE_STATUSES = {"open", "closed", "fixed", "in_progress", "investigating", "action_scheduled", "duplicate",
                   "not_councils_responsibility", "no_further_action", "internal_referral", "reopen"}
ID_MAX, TEXT_MAX, EMAIL_MAX = 100, 100, 254
DESCRIPTION_MAX = 4000  # GeoReport's own limit; the category's may be lower
# Where intake's error keys come from in a GeoReport request.
PARAMETERS = {"description": "description", "location": "lat/long/address_string", "address": "address_string",
              "reporter_phone": "phone", "reporter_name": "first_name/last_name", "category": "service_code",
              "service_code": "service_code", "title": "description", "note": "description",
              "reporter_id_number": "id_number"}


def endpoint(*methods):
    """A GeoReport view: no CSRF (a key, not a cookie, says who calls), only ``methods``, every refusal
    in the specification's error format."""
    allowed = {*methods, "HEAD"} if "GET" in methods else set(methods)

    def wrap(view):
        @csrf_exempt
        @wraps(view)
        def run(request, *args, **kwargs):
            if request.method not in allowed:
                return errors_response(request, 405, _("不支持 %(method)s 请求。") % {"method": request.method[:10]},
                                       {"Allow": ", ".join(sorted(allowed))})
            try:
                return view(request, *args, **kwargs)
            except Exception as error:  # noqa: BLE001 - each kind mapped below, the rest re-raised
                return _refusal(request, error)

        return run

    return wrap


def _refusal(request, error: Exception):
    if isinstance(error, Refusal):
        return errors_response(request, error.status, error.messages, error.headers)
    if isinstance(error, ratelimit.RateLimited):
        return rate_limited(request, error)
    if isinstance(error, RequestDataTooBig):
        return errors_response(request, 413, _("请求内容过大。"))
    if isinstance(error, Http404):
        return errors_response(request, 404, _("没有找到，或不在您可以查看的范围内。"))
    if isinstance(error, WorkflowError):
        return errors_response(request, 403 if isinstance(error, NotAllowed) else 400, _messages(error))
    if isinstance(error, SuspiciousOperation):  # too many fields, and the like
        return errors_response(request, 400, _("请求格式不正确。"))
    raise error


def _messages(error: WorkflowError) -> list[str]:
    if not error.errors:
        return [error.message]
    return [f"{_parameter(key)}: {message}" for key, message in error.errors.items()]


def _parameter(key: str) -> str:
    if key.startswith("extra."):
        return f"attribute[{key.removeprefix('extra.')}]"
    return PARAMETERS.get(key, key)


def caller(request, fields: dict):
    """The calling application, counted against its rate; None when no key is given, 403 for a bad one."""
    raw = fields.get("api_key") or request.headers.get("X-Api-Key", "")
    found = keys.find_application(raw) if raw else None
    if raw and found is None:
        raise _no_key()
    if found is not None:
        ratelimit.check_key(request, f"app:{found.pk}", found.rate_per_minute)
    return found


def _no_key() -> Refusal:
    return Refusal(403, _("缺少 api_key，或 api_key 无效、已吊销。"))


def application(request, fields: dict, grant: str):
    """The calling application; 403 without a good key or without ``grant``."""
    found = caller(request, fields)
    if found is None:
        raise _no_key()
    if not found.may(grant):
        raise Refusal(403, _("此客户端应用未获授权：%(grant)s。") % {"grant": Grant(grant).label})
    return found


def reading(request, fields: dict) -> present.Reading:
    """A key granted ``read`` reads its area's requests in full. Without a key, or with one not granted ``read``,
    anyone reads the public services' requests as a public map shows them; keyless reads are counted per address
    (``CIVICGRID_OPEN311_PUBLIC_RATE``), keyed ones against their key."""
    app = caller(request, fields)
    if app is not None and app.may(Grant.READ):
        return present.Reading(services.visible_cases(app), present.with_details, present.requests)
    if app is None:
        ratelimit.check_ip(request, "open311.public", settings.CIVICGRID_OPEN311_PUBLIC_RATE)
    return present.Reading(services.public_cases(), present.with_public_details, present.public_requests)


# ---- discovery and services ------------------------------------------------------------------------------

@endpoint("GET")
def discovery(request):
    inputs.collect(inputs.query_pairs(request), COMMON)
    changed = Service.objects.aggregate(at=Max("updated_at"))["at"] or timezone.now()
    return respond(request, "discovery", {
        "changeset": present.iso(changed), "contact": _("请联系当地综治中心，或拨打 12345 热线。"),
        "key_service": _("API 密钥（api_key）由系统管理员在“客户端应用”中创建。"),
        "endpoints": [{"specification": present.SPECIFICATION, "url": request.build_absolute_uri("/open311/v2/"),
                       "changeset": present.iso(changed), "type": "production", "formats": present.FORMATS}],
    })


@endpoint("GET")
def service_list(request):
    inputs.collect(inputs.query_pairs(request), COMMON)
    found = Service.objects.filter(published=True, category__is_active=True).select_related("category")
    return respond(request, "services", present.services(found))


@endpoint("GET")
def service_definition(request, code):
    inputs.collect(inputs.query_pairs(request), COMMON)
    found = Service.objects.filter(service_code=code, published=True).select_related("category").first()
    if found is None:
        raise Http404
    return respond(request, "service_definition", present.definition(found))


# ---- requests ----------------------------------------------------------------------------------------------

@endpoint("GET", "POST")
def requests(request):
    return create_request(request) if request.method == "POST" else list_requests(request)


def create_request(request):
    fields, attributes = inputs.collect(inputs.form_pairs(request), FILING, attributes=True)
    app = application(request, fields, Grant.FILE)
    filed = services.file_request(app, _filing(fields, attributes))
    case = filed.case
    return respond(request, "service_requests", [{
        "service_request_id": case.number, "token": filed.token,
        "service_notice": _notice(case, bool(fields.get("phone"))), "account_id": present.text(filed.account_id)}])


def _filing(fields: dict, attributes: dict) -> services.Filing:
    if not fields.get("service_code"):
        raise Refusal(400, _("service_code: 必填。"))
    longitude, latitude = inputs.point(fields)
    _check_contact(fields)
    if len(fields.get("description", "")) > DESCRIPTION_MAX:
        raise Refusal(400, _("description: 最多 %(limit)d 个字，现有 %(n)d 个。") % {
            "limit": DESCRIPTION_MAX, "n": len(fields["description"])})
    return services.Filing(
        service_code=fields["service_code"], description=fields.get("description", ""), longitude=longitude,
        latitude=latitude, address=fields.get("address_string", ""), first_name=fields.get("first_name", ""),
        last_name=fields.get("last_name", ""), phone=tidy_phone(fields.get("phone", "")),
        media_url=fields.get("media_url", ""), account_id=fields.get("account_id", ""),
        device_id=fields.get("device_id", ""), attributes=attributes,
        priority=fields.get("priority") or Priority.NORMAL, id_number=fields.get("id_number", ""))


def _check_contact(fields: dict) -> None:
    problems = []
    checks = [("media_url", URLValidator(schemes=["http", "https"]), 500), ("email", validate_email, EMAIL_MAX)]
    for name, check, limit in checks:
        value = fields.get(name, "")
        try:
            if value and len(value) <= limit:
                check(value)
        except ValidationError:
            problems.append(_("%(name)s “%(value)s”格式不正确。") % {"name": name, "value": value[:60]})
        if len(value) > limit:
            problems.append(_("%(name)s 最多 %(n)d 个字符。") % {"name": name, "n": limit})
    problems += [_("%(name)s 最多 %(n)d 个字符。") % {"name": name, "n": ID_MAX}
                 for name in ("account_id", "device_id") if len(fields.get(name, "")) > ID_MAX]
    problems += [_("%(name)s 最多 %(n)d 个字符。") % {"name": name, "n": TEXT_MAX}
                 for name in ("first_name", "last_name") if len(fields.get(name, "")) > TEXT_MAX]
    if problems:
        raise Refusal(400, problems)


def _notice(case, with_phone: bool) -> str:
    notice = _("已受理，案件编号 %(number)s。") % {"number": case.number}
    if with_phone:
        notice += _("可凭编号和手机号在“查询进度”页面查看办理情况。")
    return notice + (case.placement_warning or "")


def list_requests(request):
    fields, _attributes = inputs.collect(inputs.query_pairs(request), LISTING)
    readable = reading(request, fields)
    ids = inputs.comma_list(fields.get("service_request_id"), "service_request_id")
    cases = readable.cases.filter(number__in=ids) if ids else _filtered(readable.cases, fields)
    offset, size = inputs.page(fields)
    found = readable.load(cases.order_by("-reported_at", "-pk"))[offset:offset + size]
    return respond(request, "service_requests", readable.show(found))


def _filtered(cases, fields: dict):
    """The specification's filters; ``service_request_id`` overrides them all, so it is applied alone."""
    start, end = inputs.window(fields)
    cases = cases.filter(reported_at__gte=start, reported_at__lte=end)
    codes = inputs.comma_list(fields.get("service_code"), "service_code")
    if codes:
        cases = cases.filter(category__open311_service__service_code__in=codes)
    states = inputs.comma_list(fields.get("status"), "status")
    wrong = [state for state in states if state not in (services.OPEN, services.CLOSED)]
    if wrong:
        raise Refusal(400, _("status 只能是 open 或 closed，不能是“%(value)s”。") % {"value": wrong[0][:20]})
    if len(set(states)) == 1:
        finished = states[0] == services.CLOSED
        cases = cases.filter(status__in=FINISHED_STATUSES) if finished else \
            cases.exclude(status__in=FINISHED_STATUSES)
    return cases


@endpoint("GET")
def request_detail(request, number):
    """One request; an unknown one, or one the caller may not read (another area's, a non-public service's
    without a key), is not found, with or without a key."""
    fields, _attributes = inputs.collect(inputs.query_pairs(request), COMMON)
    readable = reading(request, fields)
    found = list(readable.load(readable.cases.filter(number=inputs.path_id(number, 32))))
    if not found:
        raise Http404
    return respond(request, "service_requests", readable.show(found))


@endpoint("GET")
def token(request, value):
    inputs.collect(inputs.query_pairs(request), COMMON)
    found = ServiceRequest.objects.select_related("case").filter(token=inputs.path_id(value, 40)).first()
    if found is None:
        raise Http404
    return respond(request, "service_requests", [{"service_request_id": found.case.number, "token": found.token}])


# ---- servicerequestupdates (mySociety's extension) -----------------------------------------------------------

@endpoint("GET", "POST")
def updates(request):
    return create_update(request) if request.method == "POST" else list_updates(request)


def list_updates(request):
    fields, _attributes = inputs.collect(inputs.query_pairs(request), UPDATES)
    app = application(request, fields, Grant.READ)
    start, end = inputs.window(fields)
    offset, size = inputs.page(fields)
    events = (CaseEvent.objects.filter(case__in=services.visible_cases(app), action__in=present.update_actions(),
                                       created_at__gte=start, created_at__lte=end)
              .select_related("case").order_by("created_at", "pk"))[offset:offset + size]
    return respond(request, "service_request_updates", present.updates(events))


def create_update(request):
    fields, _attributes = inputs.collect(inputs.form_pairs(request), UPDATING)
    app = application(request, fields, Grant.COMMENT)
    missing = [name for name in ("service_request_id", "description") if not fields.get(name)]
    if missing:
        raise Refusal(400, [_("%(name)s: 必填。") % {"name": name} for name in missing])
    _check_update(fields)
    event = services.post_update(app, fields["service_request_id"], fields["description"],
                                 reference=fields.get("update_id", ""))
    return respond(request, "service_request_updates", [{"update_id": str(event.pk)}])


def _check_update(fields: dict) -> None:
    status = fields.get("status", "").lower()
    if status and status not in UPDATE_STATUSES:
        raise Refusal(400, _("status “%(value)s”无效。") % {"value": status[:30]})
    if fields.get("updated_datetime"):
        inputs.moment(fields["updated_datetime"], "updated_datetime")
    if len(fields.get("update_id", "")) > ID_MAX:
        raise Refusal(400, _("%(name)s 最多 %(n)d 个字符。") % {"name": "update_id", "n": ID_MAX})


@endpoint("GET", "POST", "PUT", "PATCH", "DELETE")
def not_found(request, rest=""):
    """Anything else under /open311/v2/: 404 in the specification's format."""
    raise Http404

