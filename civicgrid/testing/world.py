"""One of everything inside township A, for the generic tests that walk every page and API route.

``build()`` files, for every registered kind of matter, a case at grid A in a category of that kind, and
takes it as far as a route could need: registered, dispatched to a county department, with a photo and a
pending request for more time. Beside them: a department of township A's own, a handled case with a
result photo (what residents may see), a notice, a personal token, each kind's category published to
Open311 with its case filed through it, and township A's client application with a webhook subscription
and its deliveries; township B's application is the outsider of the key-based interfaces.

The people are the persona fixtures of the root ``conftest.py`` (same roles, areas and usernames), made
in one place so that one build serves every persona. ``grow_*`` add rows to what a list shows, for the
tests that compare the queries of a list of N rows with those of 3N.
"""

import uuid
from dataclasses import dataclass, field

import factory
from django.utils import timezone

from civicgrid.api import keys, webhooks
from civicgrid.api.models import PersonalToken, WebhookSubscription
from civicgrid.campaigns.models import Campaign
from civicgrid.care.models import Enrolment
from civicgrid.cases import registry
from civicgrid.cases.intake import file_case
from civicgrid.cases.models import Approval, Assignment, Attachment, Case, CaseEvent, Category
from civicgrid.cases.services import transition
from civicgrid.core import access
from civicgrid.core.choices import Via
from civicgrid.core.models import AccessLog
from civicgrid.disputes import talkdays
from civicgrid.disputes.models import TalkDay, ZeroReport
from civicgrid.geo.models import Area
from civicgrid.households import bulk
from civicgrid.households.models import Household, Visit
from civicgrid.households.services import HouseholdDraft
from civicgrid.notifications.models import Notice
from civicgrid.notifications.services import notify
from civicgrid.open311.models import ServiceRequest
from civicgrid.open311.services import publish
from civicgrid.orgs.models import Centre, Department
from civicgrid.patrols import routes as patrol_routes
from civicgrid.patrols.models import CheckIn, Incident, ResponsePost, Route, RoutePoint, Shift
from civicgrid.reports.models import Rebuild, Report

from . import factories
from .patrols import beat

DEFAULT_KIND = "urban_event"
HOOK_URL = "https://receiver.example.org/hook"
UNUSABLE_PASSWORD = "!"  # what Django stores for set_unusable_password()
# name → (role, where): the root conftest's persona fixtures; the department handler is added below.
STAFF = {
    "grid_worker": ("grid_worker", "grid_a"),
    "township_dispatcher": ("dispatcher", "township_a"),
    "outsider": ("dispatcher", "township_b"),
    "administrator": ("admin", "city"),
    "shift_lead": ("shift_lead", "township_a"),
    "intake_clerk": ("intake_clerk", "township_a"),
    "leader": ("leader", "city"),
    "auditor": ("auditor", "township_a"),
}
USERNAMES = {"township_dispatcher": "dispatcher", "department_handler": "handler"}
GRANTS = ["read", "file", "comment", "subscribe"]


@dataclass
class World:
    """What the routes' keyword arguments and the personas' callers are made from."""

    areas: dict
    people: dict
    department: Department  # a county department, serving the whole county
    station: Department  # a township A department (街道站所), serving township A only
    cases: dict  # kind code → its case
    finished: Case
    notice: Notice
    token: PersonalToken
    subscription: WebhookSubscription
    service_request: ServiceRequest
    keys: dict = field(default_factory=dict)  # persona → raw token or application key

    def case(self, kind: str = DEFAULT_KIND) -> Case:
        """The case of this kind as it is now (a test may have moved it on)."""
        return Case.objects.get(pk=self.cases[kind].pk)

    @property
    def default(self) -> Case:
        return self.case(DEFAULT_KIND)


def kinds() -> list[str]:
    return [kind.code for kind in registry.kinds()]


def build() -> World:
    areas = factories.small_city()
    people = _people(areas)
    department = people["department_handler"].assignments.get().department
    application, app_keys = _applications()
    subscription = webhooks.subscribe(application, HOOK_URL)  # before the cases, so their events are delivered
    categories = {kind: _category(number, kind) for number, kind in enumerate(kinds(), start=1)}
    cases = {kind: open_case(category, people, department, photo=True) for kind, category in categories.items()}
    requests = {kind: _filed_through(application, case) for kind, case in cases.items()}
    dispatcher, default = people["township_dispatcher"], cases[DEFAULT_KIND]
    # Community A's 群众说事日 today, its matters still to enter.
    talkdays.schedule(people["intake_clerk"], areas["community_a"], timezone.localdate(), "村委会议室", "刘书记")
    world = World(
        areas=areas, people=people, department=department, cases=cases,
        station=factories.DepartmentFactory(area=areas["township_a"], served_areas=[areas["township_a"]]),
        finished=_finished(categories[DEFAULT_KIND], people, department),
        notice=notify([dispatcher], "new_task", f"新任务：{default.number}", case=default)[0],
        token=keys.create_token(dispatcher, "路由测试")[0], subscription=subscription,
        service_request=requests[DEFAULT_KIND],
        keys={**app_keys, **{name: keys.create_token(person, "tests")[1] for name, person in people.items()}},
    )
    campaign_of(world)
    household_of(world)
    Centre.objects.create(area=areas["township_a"], name="鼓楼街道综治中心")
    periodic_report_of(world)
    rebuild_of(world)
    enrolment_of(world)
    patrol_of(world)
    response_post_of(world)
    return world


def _people(areas: dict) -> dict:
    department = factories.DepartmentFactory(area=areas["county"], served_areas=[areas["county"]])
    anchors = {name: {"area": areas[where]} for name, (_role, where) in STAFF.items()}
    roles = {name: role for name, (role, _where) in STAFF.items()}
    anchors["department_handler"], roles["department_handler"] = {"department": department}, "dept_handler"
    return {name: _staff(roles[name], USERNAMES.get(name, name), anchors[name]) for name in roles}


def _staff(role: str, username: str, anchor: dict):
    """``factories.staff_with_role`` without a password: they sign in with ``force_login``, and hashing one
    takes over a second at Django's work factor, more than the rest of a build."""
    staff = factories.StaffFactory(username=username, password=factory.Transformer.Force(UNUSABLE_PASSWORD))
    factories.RoleAssignment.objects.create(staff=staff, role=role, **anchor)
    return staff


def _category(number: int, kind: str) -> Category:
    """A leaf of its own top-level category for each kind, published to Open311 clients."""
    factories.category(f"{number:02d}", f"{registry.kind(kind).label}类", kind=kind)
    category = factories.category(f"{number:02d}.001", f"{registry.kind(kind).label}事项", kind=kind)
    publish(category, f"svc-{kind}")
    return category


def _filed_through(application, case: Case) -> ServiceRequest:
    """As if township A's application had filed the case: it may then post remarks on it as the resident."""
    return ServiceRequest.objects.create(case=case, application=application, token=uuid.uuid4().hex)


def _applications() -> tuple:
    """Township A's client application and township B's (the outsider), each with every grant."""
    application, raw_a = keys.create_application("鼓楼街道 App", "610802001", GRANTS)
    _other, raw_b = keys.create_application("青山路街道 App", "610802002", GRANTS)
    return application, {"application": raw_a, "other_application": raw_b}


def open_case(category: Category, people: dict, department: Department, photo: bool = False) -> Case:
    """A case at grid A, registered, dispatched to ``department``, which has asked for more time."""
    files = [factories.jpeg("scene.jpg")] if photo else []
    case = file_case(factories.report(category, files=files))
    transition(case, "register", people["intake_clerk"])
    transition(case, "dispatch", people["township_dispatcher"], lead=department.pk)
    transition(case, "request_extension", people["department_handler"], assignment=case.assignments.get(),
               note="需要协调施工队", amount=2)
    case.refresh_from_db()
    return case


def _finished(category: Category, people: dict, department: Department) -> Case:
    """A case the department has handled, with a photo of the result: what a resident may see of it."""
    case = file_case(factories.report(category))
    transition(case, "register", people["intake_clerk"])
    transition(case, "dispatch", people["township_dispatcher"], lead=department.pk)
    handler, assignment = people["department_handler"], case.assignments.get()
    transition(case, "accept", handler, assignment=assignment)
    transition(case, "handle", handler, assignment=assignment, note="已清理", files=[factories.jpeg("done.jpg")])
    case.refresh_from_db()
    return case


def assignment_of(case: Case) -> Assignment:
    return case.assignments.get()


def photo_of(case: Case) -> Attachment:
    return case.attachments.order_by("pk").first()


def request_of(case: Case) -> Approval:
    return case.approvals.get()


# ---- what a refused step must leave as it was


def fingerprint() -> tuple:
    """Everything a page's or route's POST could change, in a form that compares equal when nothing did."""
    return (
        list(Case.objects.order_by("pk").values_list("pk", "version", "status")),
        CaseEvent.objects.count(), Attachment.objects.count(), Assignment.objects.count(),
        list(Approval.objects.order_by("pk").values_list("pk", "status")),
        list(Notice.objects.order_by("pk").values_list("pk", "read_at")),
        list(PersonalToken.objects.order_by("pk").values_list("pk", "revoked_at")),
        list(WebhookSubscription.objects.order_by("pk").values_list("pk", "is_active")),
        AccessLog.objects.filter(action="reveal").count(),
        ZeroReport.objects.count(), list(TalkDay.objects.order_by("pk").values_list("pk", "filed_at")),
        Campaign.objects.count(), list(Report.objects.order_by("pk").values_list("pk", "status", "requested_at")),
        Rebuild.objects.count(), Household.objects.count(), Visit.objects.count(),
        list(Enrolment.objects.order_by("pk").values_list("pk", "left_at", "last_visited_at")),
        CheckIn.objects.count(), list(Route.objects.order_by("pk").values_list("pk", "stopped_at")),
        RoutePoint.objects.count(), Incident.objects.count(),
        list(ResponsePost.objects.order_by("pk").values_list("pk", "name")),
    )


def talk_day_of(world: World) -> TalkDay:
    return TalkDay.objects.get(village=world.areas["community_a"])


# ---- more rows for the lists: each adds ``n`` of what a list shows (for a case of ``kind`` where it matters)


def grow_cases(world: World, kind: str, n: int) -> None:
    """Cases at grid A, each dispatched with a pending request: every case list, the department's inbox, the
    approvals and Open311's requests and updates get longer."""
    category = world.case(kind).category
    for _ in range(n):
        open_case(category, world.people, world.department)


def grow_reports(world: World, kind: str, n: int) -> None:
    """Cases the grid worker found on their rounds at grid A: their own reports (我的上报) get longer."""
    category = world.case(kind).category
    for _ in range(n):
        file_case(factories.report(category, channel="grid_worker"), world.people["grid_worker"])


def grow_events(world: World, kind: str, n: int) -> None:
    """On the case of ``kind``, n times: a department summoned (吹哨, a step residents see, with its
    assignment) and a remark with a photo. Its page, timeline, files and webhook deliveries get longer."""
    dispatcher = world.people["township_dispatcher"]
    for number in range(n):
        joining = factories.DepartmentFactory(area=world.areas["county"], served_areas=[world.areas["county"]])
        transition(world.case(kind), "summon", dispatcher, note=f"增派 {number}", co=[joining.pk])
        transition(world.case(kind), "comment", dispatcher, note=f"现场补充 {number}",
                   files=[factories.jpeg(f"more{number}.jpg")])


def grow_access_log(world: World, kind: str, n: int) -> None:
    """The dispatcher opens the case of ``kind`` n times: n entries in the access log."""
    case = world.case(kind)
    for _ in range(n):
        access.viewed(world.people["township_dispatcher"], case, case.number, case.area_code, access.Where(Via.PAGE))


def grow_notices(world: World, kind: str, n: int) -> None:
    for _ in range(n):
        notify([world.people["township_dispatcher"]], "reminder", "催办", case=world.case(kind))


def grow_tokens(world: World, kind: str, n: int) -> None:
    for number in range(n):
        keys.create_token(world.people["township_dispatcher"], f"脚本 {number}")


def grow_areas(world: World, kind: str, n: int) -> None:
    """Communities under township A, each with an outline and a grid: the area pages, their map and the
    API's tree list them with their figures."""
    start = Area.objects.filter(parent=world.areas["township_a"]).count() + 1
    for number in range(start, start + n):
        community = factories.area(f"610802001{number:03d}")
        factories.outline(community, factories.square(109.70 + number * 0.001, 38.28))
        factories.area(f"{community.code}001")


def grow_departments(world: World, kind: str, n: int) -> None:
    for _ in range(n):
        factories.DepartmentFactory(area=world.areas["county"], served_areas=[world.areas["township_a"]])


def grow_categories(world: World, kind: str, n: int) -> None:
    """Published leaves beside the category of ``kind``'s case: the tree's level and Open311's services."""
    parent = world.case(kind).category.parent
    start = Category.objects.filter(parent=parent).count() + 1
    for number in range(start, start + n):
        publish(factories.category(f"{parent.code}.{number:03d}", f"分类{number}", kind=parent.kind))


def grow_subscriptions(world: World, kind: str, n: int) -> None:
    application = world.subscription.application
    for number in range(n):
        webhooks.subscribe(application, f"{HOOK_URL}/{number}")


def agreed_dispute(world: World) -> Case:
    """The dispute case with a party and a written agreement of township A's committee, made once. The rows
    are made directly: the steps that make them are tested in ``civicgrid/disputes``."""
    from django.utils import timezone

    from civicgrid.disputes.models import Agreement, Committee, Dispute, Party

    case = world.case("dispute")
    committee, _made = Committee.objects.get_or_create(
        abbreviation="鼓楼", defaults={"name": "鼓楼街道人民调解委员会", "kind": "township", "area": world.areas["township_a"]})
    dispute, made = Dispute.objects.get_or_create(case=case, defaults={"committee": committee})
    if made:
        Party.objects.create(dispute=dispute, role="applicant", name="张三", id_number="11010519491231002X",
                             phone="13800138000", added_at=timezone.now())
        Agreement.objects.create(dispute=dispute, committee=committee, year=2026, serial=1, facts="漏水",
                                 terms="修复防水层", signed_on=timezone.localdate())
    return case


def grow_disputes(world: World, kind: str, n: int) -> None:
    """Dispute cases at grid A: the dispute list gets longer."""
    grow_cases(world, "dispute", n)


def grow_hazards(world: World, kind: str, n: int) -> None:
    """Hazards recorded and graded at grid A: the risk register's counts, rows and map get longer."""
    from civicgrid.hazards.models import HazardField

    category, dispatcher = world.case("hazard").category, world.people["township_dispatcher"]
    fields = [HazardField.objects.get_or_create(name=name)[0] for name in ("消防", "城镇燃气", "道路交通")]
    for number in range(n):
        case = open_case(category, world.people, world.department)
        transition(case, "hazard_record", dispatcher, field=fields[number % 3].pk, place=f"隐患部位{number}",
                   responsible_unit="某单位")
        transition(case, "hazard_grade", dispatcher, grade=["red", "orange", "blue"][number % 3], reason="现场评估")


def campaign_of(world: World):
    """A campaign organised at township A with a target for community A (made with the world)."""
    from civicgrid.campaigns.models import Campaign
    from civicgrid.campaigns.services import Draft, create

    found = Campaign.objects.filter(area=world.areas["township_a"]).order_by("pk").first()
    return found or _campaign(world, "矛盾纠纷大排查大化解", create, Draft)


def _campaign(world: World, name: str, create, draft):
    from datetime import timedelta

    from django.utils import timezone

    today = timezone.localdate()
    return create(world.people["administrator"], draft(
        name=name, area=world.areas["township_a"], starts_on=today - timedelta(days=30), ends_on=today,
        kinds=[kind.code for kind in registry.kinds()], targets={world.areas["community_a"]: 10}))


def periodic_report_of(world: World, days_ago: int = 1):
    """Township A's centre's daily report of a day before today, generated when first asked for."""
    from datetime import timedelta

    from django.utils import timezone

    from civicgrid.dashboards.figures import Period
    from civicgrid.reports import services

    day = timezone.localdate() - timedelta(days=days_ago)
    report, _queued = services.ensure(Centre.objects.get(area=world.areas["township_a"]), "day", Period(day, day))
    if not report.pdf:
        services.generate(report.pk)
        report.refresh_from_db()
    return report


def grow_periodic_reports(world: World, kind: str, n: int) -> None:
    """Daily reports of earlier days at township A: the list of reports gets longer."""
    done = Report.objects.filter(centre__area=world.areas["township_a"]).count()
    for days_ago in range(done + 1, done + n + 1):
        periodic_report_of(world, days_ago)


def rebuild_of(world: World):
    """A rebuild of the figures the administrator asked for, done."""
    from civicgrid.reports.services import run_rebuild

    found = Rebuild.objects.order_by("pk").first()
    if found is None:
        found = Rebuild.objects.create(requested_by=world.people["administrator"], requested_at=timezone.now())
        run_rebuild(found.pk)
    return found


def grow_campaigns(world: World, kind: str, n: int) -> None:
    """Campaigns at township A: the campaign list gets longer."""
    from civicgrid.campaigns.services import Draft, create

    for number in range(n):
        _campaign(world, f"专项行动{number}", create, Draft)


def grow_petitions(world: World, kind: str, n: int) -> None:
    """Petitions at grid A the leader owns (包案), each with a visit: the leader's page gets longer."""
    category, leader = world.case("petition").category, world.people["leader"]
    for _ in range(n):
        case = file_case(factories.report(category))
        transition(case, "register", world.people["intake_clerk"])
        transition(case, "assign_leader", leader, leader=leader.pk)
        _visit(case, leader)


def grow_visits(world: World, kind: str, n: int) -> None:
    """Visits to the petition of the world: its file gets longer."""
    for _ in range(n):
        _visit(world.case("petition"), world.people["leader"])


def _visit(case: Case, leader) -> None:
    transition(case, "record_visit", leader, kind="home", visited_on=timezone.localdate(), visitors="领导",
               place="网格A")


def household_of(world: World) -> Household:
    """A household on 1号楼 of grid A, made once (its rules are tested in ``civicgrid/households``)."""
    building = factories.area(f"{world.areas['grid_a'].code}001", "1号楼")
    found, _made = Household.objects.get_or_create(unit=building, door="101", defaults={
        "unit_code": building.code, "head_name": "王建国", "head_phone": "13912345678"})
    return found


def grow_households(world: World, kind: str, n: int) -> None:
    """Households on 1号楼 of grid A, each visited once: the heads' pages list them with their last visit."""
    building = household_of(world).unit
    start = Household.objects.filter(unit=building).count()
    bulk.add_households(HouseholdDraft(unit=building, door=f"{number}", head_name=f"住户{number}")
                        for number in range(start + 1000, start + 1000 + n))
    new = Household.objects.filter(unit=building, last_visited_at__isnull=True)
    bulk.add_visits([bulk.visit(found, world.people["grid_worker"].pk, timezone.now()) for found in new])


def grow_household_visits(world: World, kind: str, n: int) -> None:
    """Visits to the household of the world: its page lists them, newest first."""
    found = household_of(world)
    bulk.add_visits([bulk.visit(found, world.people["grid_worker"].pk, timezone.now(), f"第{number}次走访")
                     for number in range(n)])


def enrolment_of(world: World, name: str = "王秀英"):
    """A resident of a building of grid A in the grid worker's care, on their written consent (the caseload's
    rules are tested in ``civicgrid/care``)."""
    from datetime import timedelta

    from civicgrid.care import services

    worker = world.people["grid_worker"]
    building = factories.area(world.areas["grid_a"].code + "001", "1号楼")
    found = Enrolment.objects.filter(resident_name=name).first()
    return found or services.enrol(worker, services.EnrolmentIn(
        programme="elderly_alone", resident_name=name, area=building, worker=worker, frequency=7,
        consent_by="resident", consent_name=name, consented_at=timezone.now() - timedelta(days=1),
        consent_method="written", resident_phone="13912345678"))


def grow_enrolments(world: World, kind: str, n: int) -> None:
    """More residents in the grid worker's care: the caseload gets longer."""
    start = Enrolment.objects.count()
    for number in range(n):
        enrolment_of(world, f"居民{start + number}")


def patrol_of(world: World) -> Shift:
    """The grid worker's patrol shift in grid A, running now, with their route being recorded (made with the world)."""
    found = Shift.objects.filter(area_code=world.areas["grid_a"].code).order_by("pk").first()
    if found is None:
        found = beat(world.areas["grid_a"], world.people["grid_worker"]).shift
        patrol_routes.start(world.people["grid_worker"], found)
    return found


def route_of(world: World) -> Route:
    return Route.objects.get(shift=patrol_of(world))


def grow_patrols(world: World, kind: str, n: int) -> None:
    """More patrol zones with their points and shifts today in grid A: today's map and its list get longer."""
    for _ in range(n):
        beat(world.areas["grid_a"], world.people["grid_worker"])


def response_post_of(world: World) -> ResponsePost:
    """A station in grid A that the city's leader placed (made once), the circles measured."""
    from civicgrid.patrols.posts import Draft, place

    found = ResponsePost.objects.filter(area_code__startswith=world.areas["township_a"].code).order_by("pk").first()
    return found or place(world.people["leader"], Draft("鼓楼警务站", "station", 109.705, 38.285))


def grow_response_posts(world: World, kind: str, n: int) -> None:
    """Posts in grid A, the circles measured again: the circles page's list of posts and the map get longer."""
    from civicgrid.patrols.posts import Draft, place

    start = ResponsePost.objects.count()
    for number in range(start, start + n):
        place(world.people["leader"], Draft(f"快反点{number}", "quick", 109.701 + number * 0.0005, 38.281))
