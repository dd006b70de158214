"""Publishing categories as Open311 services (服务), and what Open311 shows of a case.

``publish`` makes or updates one service; ``publish_defaults`` publishes the leaf categories residents
report most, as any 311 client would list them: city appearance, street order, advertising, building
sites, emergencies of the urban-management list; municipal facilities and noise or pollution of the
message taxonomy. It only adds what is missing, so what administrators changed afterwards stays.
"""

import uuid
from dataclasses import dataclass, field

from django.db import transaction
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _

from civicgrid.api.models import ClientApplication
from civicgrid.cases.categories import categories_by_path
from civicgrid.cases.choices import FINISHED_STATUSES, Channel, FieldType, Priority
from civicgrid.cases.intake import Report, file_case
from civicgrid.cases.models import Case, Category
from civicgrid.cases.models.cases import TITLE_MAX
from civicgrid.cases.models.categories import read_all_fields
from civicgrid.cases.services import transition
from civicgrid.cases.workflow import RESIDENT, Action, InvalidInput
from civicgrid.core.http.principal import Principal
from civicgrid.core.inserts import insert_one
from civicgrid.core.recent import Recent
from civicgrid.core.records import new

from .models import SERVICE_CODE_MAX, Service, ServiceRequest

TITLE_LENGTH = TITLE_MAX

OPEN, CLOSED = "open", "closed"
# Every published service by code (core.recent), with its category and the category's extra fields, read in two
# queries for the whole catalogue: a client files under any of them, and administrators rarely change them.
RECENT_SERVICES = Recent()
CATALOGUE = "published"

# (branch path, leaves to publish: None for every leaf but 其他)
DEFAULT_BRANCHES = [
    (("城管事件", "市容环境"), None),
    (("城管事件", "街面秩序"), None),
    (("城管事件", "宣传广告"), None),
    (("城管事件", "施工管理"), None),
    (("城管事件", "突发事件"), None),
    (("城乡建设", "城市建设和市政管理"), ("城市公共设施", "基础设施", "环境卫生", "园林绿化", "公园管理",
                                       "居民服务设施", "燃气供应", "自来水供应", "电力供应", "冬季采暖")),
    (("环境保护", "环境污染"), ("噪音污染", "大气污染", "水污染", "固体污染")),
]
LEFT_OUT = {"其他"}


def publish(category: Category, service_code: str | None = None, **fields) -> Service:
    """Publish ``category`` (default code: the category's own); a published service keeps its code
    unless another is given."""
    service = Service.objects.filter(category=category).first() or Service(category=category)
    service.service_code = service_code or service.service_code or category.code
    service.published = fields.pop("published", True)
    for name, value in fields.items():
        setattr(service, name, value)
    service.full_clean()
    service.save()
    return service


def set_published(services, published: bool) -> int:
    """Publish or withdraw ``services`` (a queryset) at once: clients see it in ``discovery``'s changeset, and
    this process stops filing under a withdrawn code straight away (others within the reference recheck)."""
    changed = services.update(published=published, updated_at=timezone.now())
    forget()
    return changed


def forget() -> None:
    """A service changed: this process reads the catalogue again at the next request."""
    RECENT_SERVICES.forget(CATALOGUE)


@transaction.atomic
def publish_defaults(branches=DEFAULT_BRANCHES, choose=None) -> int:
    """Publish the leaves of ``branches`` (the default set unless given) where a category exists and has no
    service yet; ``choose(path)`` gives a new service's further settings (``public`` …), which are otherwise the
    model's defaults: not public. The number published."""
    by_path = categories_by_path()
    taken = set(Service.objects.values_list("category_id", flat=True))
    start = Service.objects.count()
    made = 0
    for branch, names in branches:
        for path, category in _leaves(by_path, branch, names):
            if category.pk in taken:
                continue
            publish(category, group=branch[-1], keywords=",".join(path), description=" › ".join(path),
                    ordering=start + made + 1, **(choose(path) if choose else {}))
            made += 1
    return made


def _leaves(by_path: dict, branch: tuple, names) -> list[tuple[tuple, Category]]:
    parents = {path[:-1] for path in by_path}
    found = [(path, category) for path, category in by_path.items()
             if path[:-1] == branch and path not in parents and category.is_active and path[-1] not in LEFT_OUT]
    if names is not None:
        found = [(path, category) for path, category in found if path[-1] in names]
    return sorted(found, key=lambda item: item[1].code)


def open_or_closed(status: str) -> str:
    """GeoReport's two states: a case is closed once the loop has finished with it."""
    return CLOSED if status in FINISHED_STATUSES else OPEN


# ---- filing and following --------------------------------------------------------------------------------

def published(service_code: str) -> Service:
    """The published service with this code; an unknown or withdrawn one is bad input."""
    found = RECENT_SERVICES.get(CATALOGUE, _catalogue).get(service_code)
    if found is None:
        message = _("没有代码为“%(code)s”的服务。") % {"code": service_code[:SERVICE_CODE_MAX]}
        raise InvalidInput(message, {"service_code": message})
    return found


def _catalogue() -> dict[str, Service]:
    found = {service.service_code: service
             for service in Service.objects.select_related("category").filter(published=True)}
    read_all_fields(service.category for service in found.values())
    return found


def visible_cases(application: ClientApplication):
    """The cases an application may read: inside its area (and its staff account's scope, if it has one),
    of published services only: other matters (disputes, petitions) never leave through Open311."""
    principal = Principal(user=application.staff, application=application)
    return principal.restrict(Case.objects.all()).public()


def public_cases():
    """The cases anyone may read without a key, anywhere: of published services an administrator made public."""
    return Case.objects.public().filter(category__open311_service__public=True)


@dataclass
class Filing:
    """A request as a client sent it, read but not yet checked against the category."""

    service_code: str
    description: str = ""
    longitude: float | None = None
    latitude: float | None = None
    address: str = ""
    first_name: str = ""
    last_name: str = ""
    phone: str = ""
    media_url: str = ""
    account_id: str = ""
    device_id: str = ""
    attributes: dict = field(default_factory=dict)
    priority: str = Priority.NORMAL
    id_number: str = ""


def file_request(application: ClientApplication, filing: Filing) -> ServiceRequest:
    """File a request as a case, through the same intake as the web form, inside the application's area;
    anything refused (``InvalidInput``) leaves nothing written."""
    service = published(filing.service_code)
    category = service.category
    report = Report(category=category, title=title_for(category.name, filing.description),
                    description=filing.description, channel=Channel.OPEN311, longitude=filing.longitude,
                    latitude=filing.latitude, address=filing.address,
                    reporter_name=f"{filing.last_name}{filing.first_name}", reporter_phone=filing.phone,
                    reporter_id_number=filing.id_number, priority=filing.priority,
                    extra=extra_values(category.all_fields(), filing.attributes))
    with transaction.atomic():
        case = file_case(report, user=None, application=application)
        if not case.area_code.startswith(application.area_code):
            message = _("该位置不在此客户端应用负责的区域内。")
            raise InvalidInput(message, {"location": message})  # rolls the case back
        return insert_one(new(ServiceRequest, case=case, application=application, token=uuid.uuid4().hex,
                                  media_url=filing.media_url, account_id=filing.account_id,
                                  device_id=filing.device_id))


def title_for(service_name: str, description: str) -> str:
    """GeoReport has no title: the service's name and the start of the description, on one line."""
    words = " ".join(description.split())
    title = f"{service_name}：{words}" if words else service_name
    return title if len(title) <= TITLE_LENGTH else title[:TITLE_LENGTH - 1] + "…"


def extra_values(fields, attributes: dict) -> dict:
    """``attribute[code]`` values as the category's extra values: a single value for a multi-choice
    field is a list of one, a date may come as a full ISO time; empty values are not given."""
    by_code = {f.code: f for f in fields}
    values = {}
    for code, value in attributes.items():
        kind = by_code[code].field_type if code in by_code else None
        if kind == FieldType.MULTI_CHOICE and isinstance(value, str):
            value = [value] if value else []
        elif kind == FieldType.DATE and isinstance(value, str) and "T" in value:
            value = value.partition("T")[0]
        if value not in ("", []):
            values[code] = value
    return values


def post_update(application: ClientApplication, number: str, description: str, reference: str = ""):
    """补充说明 from a client, as the resident, through ``transition``; a client's retry with the same
    ``reference`` (its own id for the update) gets the remark already written. Only on requests the client
    filed itself: the remark is written as the resident's, so it must come from the resident's own client."""
    case = visible_cases(application).filter(number=number[:32], open311_request__application=application).first()
    if case is None:
        raise Http404
    via = f"open311:{application.pk}"
    if reference:
        done = case.events.filter(action=Action.COMMENT, data__via=via, data__reference=reference).first()
        if done is not None:
            return done
    return transition(case, Action.COMMENT, RESIDENT, note=description, via=via, reference=reference)
