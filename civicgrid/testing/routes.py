"""Every page and every API route of civicgrid, with who may open it: the table the generic tests walk.

``PAGES`` holds each URL pattern of ``config.urls`` by its name (``namespace:name``), ``API`` each operation of
the JSON API at ``/api/v1/`` by ``"METHOD /path"`` as its OpenAPI schema writes it. A row says how to build
the URL's arguments from the test world (``world.py``), which persona opens it and what they get, what an
outsider (township B's staff or application) gets for township A's object it names, how many queries a GET
may take and, for a list, how to make it longer. ``EXCLUDED`` are the patterns no row lists, each with why.

A new page or route without a row here fails ``test_every_page_and_route_is_in_the_table``, which names the
pattern to add. To add one: a ``Page`` under its pattern name in ``PAGES`` (or a row under ``"METHOD /path"``
in ``API``) with one ``get``/``post``/``delete`` row per method it answers; a staff page needs nothing more
than its persona and budget, a public one says why it is public and what an anonymous visitor gets.
"""

import re
from collections.abc import Callable
from dataclasses import dataclass

from django.urls import URLResolver, get_resolver

from . import world as w
from .factories import GRID_A_POINT, jpeg

# ---- the table's rows


@dataclass(frozen=True)
class Row:
    """One method of a page or one API operation.

    ``kwargs(world, kind)``: the URL's arguments. ``sees``: the persona who opens it (a staff persona,
    ``resident`` — a visitor who filed and looked up every case in this session —, ``anonymous``, or the
    client applications ``application`` and ``other_application``) and ``answers`` what they get.
    ``body(world, kind)``: what a POST (or DELETE) of ``sees`` sends to change something. ``outsider``: what
    the outsider gets for township A's object this names, with nothing changed (None: it names none).
    ``per_kind``: walked once for a case of every registered kind. ``budget``: the most queries a GET may
    take. ``grows(world, kind, n)``: adds n rows to what the GET lists; N and 3N rows must cost the same queries.
    ``query(world, kind)``: the GET's query string. ``encoding``: how the body is sent, when not as its
    interface takes it by default (pages a form, the API JSON).
    """

    method: str
    kwargs: Callable = lambda world, kind: {}
    sees: str = "township_dispatcher"
    answers: int = 200
    body: Callable | None = None
    outsider: int | None = None
    per_kind: bool = False
    budget: int | None = None
    grows: Callable | None = None
    query: Callable = lambda world, kind: {}
    encoding: str = ""  # how a body is sent: "json" (the API's default), "multipart" (pages'), "urlencoded"


def get(**options) -> Row:
    return Row("GET", **options)


def post(**options) -> Row:
    return Row("POST", **options)


def delete(**options) -> Row:
    return Row("DELETE", **options)


@dataclass(frozen=True)
class Page:
    """A URL pattern: its rows, and, when anyone may open it without signing in, why (``public``) and what
    a GET from a visitor with no session and no key answers (``anonymous``). A staff page (``public`` empty)
    sends such a visitor to log in."""

    rows: tuple
    public: str = ""
    anonymous: int | None = None
    url: str = ""  # for what ``reverse`` cannot build (Open311's format suffix): the URL, to format with kwargs

    def row(self, method: str) -> Row | None:
        return next((row for row in self.rows if row.method == method), None)


def page(*rows: Row, public: str = "", anonymous: int | None = None, url: str = "") -> Page:
    return Page(rows, public, anonymous, url)


# ---- keyword arguments, query strings and bodies


def case_number(world, kind) -> dict:
    return {"number": world.case(kind).number}


def petition_number(world, kind) -> dict:
    return {"number": world.case("petition").number}


def case_photo(world, kind) -> dict:
    case = world.case(kind)
    return {"number": case.number, "pk": w.photo_of(case).pk}


def case_request(world, kind) -> dict:
    return {"pk": w.request_of(world.case(kind)).pk}


def township_a(world, kind) -> dict:
    return {"code": world.areas["township_a"].code}


def township_chart(world, kind) -> dict:
    return {**township_a(world, kind), "chart": "status"}


def version(world, kind) -> int:
    return world.case(kind).version


def remind(world, kind) -> dict:
    """催办: a dispatcher may take it on every dispatched case, so a refusal can only be the scope's."""
    return {"action": "remind", "version": version(world, kind)}


def reveal_phone(world, kind) -> dict:
    return {"field": "phone", "reason": "回访核实诉求"}


def dispute_agreement(world, kind) -> dict:
    return {"number": w.agreed_dispute(world).number}


def dispute_party(world, kind) -> dict:
    case = w.agreed_dispute(world)
    return {"number": case.number, "pk": case.dispute.parties.get().pk}


def party_reason(world, kind) -> dict:
    return {"reason": "电话通知调解时间"}


def report_form(world, kind) -> dict:
    lon, lat = GRID_A_POINT
    return {"category": str(world.case(kind).category_id), "title": "路灯不亮",
            "description": "小区门口路灯坏了三天。", "longitude": str(lon), "latitude": str(lat),
            "reporter_name": "李四", "reporter_phone": "13800138000"}


def open311_filing(world, kind) -> dict:
    lon, lat = GRID_A_POINT
    return {"service_code": f"svc-{kind}", "lat": str(lat), "long": str(lon), "description": "路口井盖缺失。",
            "phone": "13800138000"}


def open311_remark(world, kind) -> dict:
    return {"service_request_id": world.case(kind).number, "description": "又堆了不少。"}


def hotline_call(world, kind) -> dict:
    return {**report_form(world, kind), "channel": "hotline", "priority": "normal"}


def bulk_remind(world, kind) -> dict:
    return {"action": "remind", "cases": world.case(kind).number}


def approve_form(world, kind) -> dict:
    return {"decision": "approve", "version": version(world, kind)}


def notice(world, kind) -> dict:
    return {"pk": world.notice.pk}


def token(world, kind) -> dict:
    return {"pk": world.token.pk}


def new_token(world, kind) -> dict:
    return {"name": "统计脚本", "days": "30"}


def service_code(world, kind) -> dict:
    return {"code": f"svc-{kind}"}


def request_token(world, kind) -> dict:
    return {"value": world.service_request.token}


def branch(world, kind) -> dict:
    return {"in": world.default.category.parent.code}


def chosen_category(world, kind) -> dict:
    return {"category": world.default.category_id}


def result_photo(world, kind) -> dict:
    return {"number": world.finished.number, "pk": w.photo_of(world.finished).pk}


def api_filing(world, kind) -> dict:
    lon, lat = GRID_A_POINT
    return {"category": world.case(kind).category.code, "title": "井盖缺失", "description": "路口井盖缺失。",
            "channel": "hotline", "location": {"longitude": lon, "latitude": lat},
            "reporter": {"name": "李四", "phone": "13912345678"}}


# Why a page is open to everyone.
I18N = "the language switch on every page, residents' included; Django's own view"
HEALTH = "load balancers probe it; it reads no database"
FAVICON = "browsers ask for it on every site; a redirect to the icon among the static files"
SIGN_IN = "where everyone signs in and out; it shows nothing of anyone's scope"
RESIDENT = ("residents' pages: no account; a case shows only to the session that filed it or looked it up by "
            "number and phone")
PICKER = "the residents' report form's category picker and map: the city's categories and outlines, no one's secret"
OPEN311 = ("Open311 GeoReport v2: a client application's key (never a session) says who calls; filing and reading "
           "in full need a key bound to an area, and a case outside that area is not found")
OPEN311_READ = (OPEN311 + "; without a key anyone reads the requests of services an administrator made public, as a "
                "public map shows them (the world's services are not public: an empty list, a 404)")
OPEN311_INFO = "Open311 GeoReport v2 discovery and service list: public by the specification"
OPEN311_ROOT = "/open311/v2/"


def nothing(world, kind) -> dict:
    return {}


def grid_a(world, kind) -> dict:
    return {"code": world.areas["grid_a"].code}


def talk_day(world, kind) -> dict:
    return {"pk": w.talk_day_of(world).pk}


def schedule_talk_day(world, kind) -> dict:
    return {"village": world.areas["community_a"].pk, "held_on": "2025-03-05", "place": "村委会议室", "host": "刘书记"}


def talk_day_matters(world, kind) -> dict:
    return {"matters": f"楼道堆放杂物 | {world.case('dispute').category.code} | 三楼住户在楼道堆放杂物。"}


def campaign(world, kind) -> dict:
    return {"pk": w.campaign_of(world).pk}


def campaign_form(world, kind) -> dict:
    """A campaign at the dispatcher's township (the form's default area), with a target for community A."""
    from django.utils import timezone

    today = timezone.localdate().isoformat()
    return {"name": "安全隐患大排查", "starts_on": today, "ends_on": today, "kinds": "hazard",
            f"target-{world.areas['community_a'].code}": "5"}


def periodic_report(world, kind) -> dict:
    return {"pk": w.periodic_report_of(world).pk}


def periodic_report_form(world, kind) -> dict:
    """Township A's daily report of the day before yesterday (the world's own is of yesterday)."""
    from datetime import timedelta

    from django.utils import timezone

    day = timezone.localdate() - timedelta(days=2)
    return {"centre": world.areas["township_a"].code, "kind": "day", "day": day.isoformat()}


def household(world, kind) -> dict:
    return {"pk": w.household_of(world).pk}


def household_unit(world, kind) -> dict:
    return {"code": w.household_of(world).unit_code}


def new_household(world, kind) -> dict:
    return {"unit": w.household_of(world).unit_code, "door": "102", "head_name": "李秀兰", "residents": "2"}


def household_visit(world, kind) -> dict:
    from django.utils import timezone

    return {"visited_at": timezone.localtime().strftime("%Y-%m-%dT%H:%M"), "found": "一切正常"}


def enrolment(world, kind) -> dict:
    return {"pk": w.enrolment_of(world).pk}


def enrol_form(world, kind) -> dict:
    return {"programme": "disability", "resident_name": "赵刚", "area": world.areas["grid_a"].pk,
            "worker": world.people["grid_worker"].pk, "frequency": "30", "consent_by": "resident",
            "consent_name": "赵刚", "consented_at": "2025-01-02T10:00", "consent_method": "written"}


def care_visit(world, kind) -> dict:
    from django.utils import timezone

    return {"visited_at": timezone.localtime().strftime("%Y-%m-%dT%H:%M"), "notes": "上门看望，身体尚可。"}


def patrol_shift(world, kind) -> dict:
    return {"pk": w.patrol_of(world).pk}


def patrol_route(world, kind) -> dict:
    return {"pk": w.route_of(world).pk}


def patrol_point(world, kind) -> dict:
    return {"pk": w.patrol_of(world).points.order_by("pk").first().pk}


def patrol_scan(world, kind) -> dict:
    from civicgrid.patrols.checkins import point_token

    return {"token": point_token(w.patrol_of(world).points.order_by("pk").first())}


def patrol_check_in(world, kind) -> dict:
    """At the school, on the spot."""
    point = w.patrol_of(world).points.order_by("pk").first()
    return {"point": point.pk, "longitude": point.longitude, "latitude": point.latitude}


def patrol_finding(world, kind) -> dict:
    return {"category": world.default.category.pk, "title": "路灯不亮", "description": "公交站旁路灯不亮。"}


PAGES: dict[str, Page] = {
    "set_language": page(get(sees="anonymous", answers=302, budget=0), post(sees="anonymous", answers=302),
                         public=I18N, anonymous=302),
    "health": page(get(sees="anonymous", budget=0), public=HEALTH, anonymous=200),
    "favicon": page(get(sees="anonymous", answers=301, budget=0), public=FAVICON, anonymous=301),
    "login": page(get(sees="anonymous", budget=0), post(sees="anonymous"), public=SIGN_IN, anonymous=200),
    "logout": page(post(answers=302), public=SIGN_IN, anonymous=405),
    "home": page(get(budget=9)),
    # 我的任务 of a department: each grown case is one more 派遣单 to sign for, in the same queries.
    "tasks": page(get(sees="department_handler", budget=9, grows=w.grow_cases)),
    # 区域: a dispatcher's one area is opened at once, so the index answers with a redirect to it.
    "geo:index": page(get(answers=302, budget=4)),
    "geo:area": page(get(kwargs=township_a, outsider=404, budget=13, grows=w.grow_areas)),
    "geo:area_tree": page(get(kwargs=township_a, outsider=404, budget=5, grows=w.grow_areas)),
    "geo:area_geojson": page(get(kwargs=township_a, outsider=404, budget=8, grows=w.grow_areas)),
    # Every status: a dispatcher's queue opens on 待派遣, and the grown cases are dispatched.
    "cases:queue": page(get(budget=11, grows=w.grow_cases, query=lambda world, kind: {"status": ""})),
    "cases:mine": page(get(sees="grid_worker", budget=5, grows=w.grow_reports)),
    "cases:new": page(get(sees="intake_clerk", budget=7), post(sees="intake_clerk", answers=302, body=hotline_call)),
    # 批量催办 of a case outside the scope: the queue again, with nothing done.
    "cases:bulk": page(post(answers=302, outsider=302, per_kind=True, body=bulk_remind)),
    "cases:inbox": page(get(sees="department_handler", budget=9, grows=w.grow_cases)),
    "cases:approvals": page(get(budget=7, grows=w.grow_cases)),
    "cases:decide": page(post(kwargs=case_request, answers=302, outsider=404, per_kind=True, body=approve_form)),
    # 16: a kind's page reads its record (once, for its block and its steps' guards) and, for a hazard, the fields
    # to record it.
    "cases:detail": page(get(kwargs=case_number, outsider=404, per_kind=True, budget=16, grows=w.grow_events)),
    "cases:act": page(post(kwargs=case_number, answers=302, outsider=404, per_kind=True, body=remind)),
    # 查看完整号码: the dispatcher of the centre handling the case may; the answer is the number, logged.
    "cases:reveal": page(get(kwargs=case_number, outsider=404, per_kind=True, budget=6),
                         post(kwargs=case_number, outsider=404, per_kind=True, body=reveal_phone)),
    "cases:attachment": page(get(kwargs=case_photo, outsider=404, per_kind=True, budget=5)),
    # 我的包案 and a petition's file (信访档案): read-only; the steps are taken on the case page.
    "petitions:mine": page(get(sees="leader", budget=6, grows=w.grow_petitions)),
    "petitions:detail": page(get(kwargs=petition_number, outsider=404, budget=6, grows=w.grow_visits)),
    "notifications:list": page(get(budget=6, grows=w.grow_notices)),
    # 矛盾纠纷 and 调解员库: scoped lists; the printed agreement and a party's details, logged, to centre staff
    # and mediators.
    # 关爱帮扶: a record opens for the worker responsible (the grid worker here), their grid head and the
    # township's officer only; township B's dispatcher, like every other, gets 404.
    "care:list": page(get(sees="grid_worker", budget=8, grows=w.grow_enrolments)),
    "care:enrol": page(get(sees="grid_worker", budget=8),
                       post(sees="grid_worker", answers=302, body=enrol_form)),
    "care:detail": page(get(kwargs=enrolment, sees="grid_worker", outsider=404, budget=10)),
    "care:visit": page(post(kwargs=enrolment, sees="grid_worker", answers=302, outsider=404, body=care_visit)),
    "care:leave": page(post(kwargs=enrolment, sees="grid_worker", answers=302, outsider=404,
                            body=lambda world, kind: {"reason": "moved"})),
    "care:reveal": page(get(kwargs=enrolment, sees="grid_worker", outsider=404, budget=7),
                        post(kwargs=enrolment, sees="grid_worker", outsider=404,
                             body=lambda world, kind: {"reason": "电话预约走访时间"})),
    "care:figures_index": page(get(answers=302, budget=4)),
    "care:figures": page(get(kwargs=township_a, outsider=404, budget=7)),
    "disputes:list": page(get(budget=6, grows=w.grow_disputes)),
    "disputes:pool": page(get(budget=8)),
    "disputes:agreement": page(get(kwargs=dispute_agreement, outsider=404, budget=9)),
    "disputes:party": page(get(kwargs=dispute_party, outsider=404, budget=7),
                           post(kwargs=dispute_party, outsider=404, body=party_reason)),
    # 访问日志: auditors and administrators only; everyone else gets a 404, as for a page outside their roles.
    "access_log": page(get(sees="auditor", budget=6, grows=w.grow_access_log)),
    "access_log_csv": page(get(sees="auditor", budget=4)),
    # Marks the caller's own notices read: the outsider's, never the dispatcher's.
    "notifications:read_all": page(post(answers=302, outsider=302, body=nothing)),
    "notifications:open": page(post(kwargs=notice, answers=302, outsider=404, body=nothing)),
    "api:tokens": page(get(budget=5, grows=w.grow_tokens), post(body=new_token)),
    "api:revoke_token": page(post(kwargs=token, answers=302, outsider=404, body=nothing)),
    # Open311 GeoReport v2
    "open311:discovery": page(get(sees="anonymous", budget=1), public=OPEN311_INFO, anonymous=200,
                              url=OPEN311_ROOT + "discovery.json"),
    "open311:services": page(get(sees="anonymous", budget=2, grows=w.grow_categories), public=OPEN311_INFO,
                             anonymous=200, url=OPEN311_ROOT + "services.json"),
    "open311:service": page(get(kwargs=service_code, sees="anonymous", per_kind=True, budget=2), public=OPEN311_INFO,
                            anonymous=200, url=OPEN311_ROOT + "services/{code}.json"),
    "open311:requests": page(get(sees="application", budget=4, grows=w.grow_cases),
                             post(sees="application", body=open311_filing, encoding="urlencoded"),
                             public=OPEN311_READ, anonymous=200, url=OPEN311_ROOT + "requests.json"),
    "open311:request": page(get(kwargs=case_number, sees="application", outsider=404, per_kind=True, budget=4),
                            public=OPEN311_READ, anonymous=404, url=OPEN311_ROOT + "requests/{number}.json"),
    "open311:token": page(get(kwargs=request_token, sees="anonymous", budget=1),
                          public=OPEN311 + "; a request's token is random, so it needs no key", anonymous=200,
                          url=OPEN311_ROOT + "tokens/{value}.xml"),
    "open311:updates": page(get(sees="application", budget=2, grows=w.grow_cases),
                            post(sees="application", body=open311_remark, outsider=404, per_kind=True,
                                 encoding="urlencoded"),
                            public=OPEN311, anonymous=403, url=OPEN311_ROOT + "servicerequestupdates.json"),
    "open311:not_found": page(get(kwargs=lambda world, kind: {"rest": "nothing-here.json"}, sees="anonymous",
                                  answers=404, budget=0),
                              public=OPEN311 + "; any other address under it is a 404 in its format", anonymous=404,
                              url=OPEN311_ROOT + "{rest}"),
    # Residents' pages: ``resident`` filed and looked up every case in the session; anyone else is asked.
    "public:report": page(get(sees="anonymous", budget=3), post(sees="anonymous", answers=302, body=report_form),
                          public=RESIDENT, anonymous=200),
    "public:done": page(get(kwargs=case_number, sees="resident", per_kind=True, budget=5), public=RESIDENT,
                        anonymous=404),
    "public:categories": page(get(sees="anonymous", budget=2, grows=w.grow_categories, query=branch),
                              public=PICKER, anonymous=200),
    "public:category_fields": page(get(sees="anonymous", budget=2, query=chosen_category), public=PICKER,
                                   anonymous=200),
    "public:outlines": page(get(sees="anonymous", budget=1), public=PICKER, anonymous=200),
    "public:track": page(get(sees="anonymous", budget=0), post(sees="anonymous"), public=RESIDENT, anonymous=200),
    "public:case": page(get(kwargs=case_number, sees="resident", per_kind=True, budget=6, grows=w.grow_events),
                        public=RESIDENT + "; without a lookup, the lookup form", anonymous=302),
    # 回访 is taken once the case is closed; on an open case the page answers with the reason, changing nothing.
    "public:callback": page(post(kwargs=case_number, sees="resident"), public=RESIDENT, anonymous=405),
    "public:photo": page(get(kwargs=result_photo, sees="resident", budget=3), public=RESIDENT, anonymous=404),
    # The disputes' rhythm: each page at an area in scope; the menu's address opens it at the user's own area.
    "disputes:daily_index": page(get(answers=302, budget=4)),
    "disputes:daily": page(get(kwargs=township_a, outsider=404, budget=14)),
    # 零报告 is refused at grid A today (the world's dispute was reported there today), with a message and
    # nothing written: the row has no body to change something; the zero report's own tests file one.
    "disputes:zero_report": page(post(kwargs=grid_a, sees="grid_worker", answers=302, outsider=404)),
    "disputes:weekly_index": page(get(answers=302, budget=4)),
    "disputes:weekly": page(get(kwargs=township_a, outsider=404, budget=13)),
    "disputes:monthly_index": page(get(answers=302, budget=4)),
    "disputes:monthly": page(get(kwargs=township_a, outsider=404, budget=17)),
    "disputes:quarterly_index": page(get(answers=302, budget=4)),
    "disputes:quarterly": page(get(kwargs=township_a, outsider=404, budget=12)),
    "disputes:talk_days": page(get(sees="intake_clerk", budget=6),
                               post(sees="intake_clerk", answers=302, body=schedule_talk_day)),
    "disputes:talk_day": page(get(kwargs=talk_day, sees="intake_clerk", outsider=404, budget=6),
                              post(kwargs=talk_day, sees="intake_clerk", answers=302, outsider=404,
                                   body=talk_day_matters)),
    # 风险隐患清单: a dispatcher's register opens on their township.
    "dashboards:index": page(get(budget=21)),
    "dashboards:area": page(get(kwargs=township_a, outsider=404, budget=21)),
    "dashboards:export": page(get(kwargs=township_chart, outsider=404, budget=5)),
    "hazards:index": page(get(answers=302, budget=4)),
    "hazards:register": page(get(kwargs=township_a, outsider=404, budget=12, grows=w.grow_hazards)),
    "hazards:export": page(get(kwargs=township_a, outsider=404, budget=12, grows=w.grow_hazards)),
    # 专项行动: a dispatcher is centre staff, who may set one up at their township.
    "campaigns:index": page(get(budget=8, grows=w.grow_campaigns)),
    "campaigns:new": page(get(budget=10), post(answers=302, body=campaign_form)),
    "campaigns:detail": page(get(kwargs=campaign, outsider=404, budget=10)),
    # 指挥大屏: centre staff and leaders; a dispatcher's screen opens on their township. Its refresh lists the
    # newest cases, so more cases filed at grid A must not cost more queries (the outsider's is a 404, not a
    # list cut by scope: hence not grow_cases).
    "dashboards:screen_index": page(get(answers=302, budget=4)),
    "dashboards:screen": page(get(kwargs=township_a, outsider=404, budget=4)),
    "dashboards:screen_refresh": page(get(kwargs=township_a, outsider=404, budget=12, grows=w.grow_reports)),
    # 统计报表: a dispatcher is centre staff, who reads and asks for their township centre's reports.
    "reports:index": page(get(budget=6, grows=w.grow_periodic_reports)),
    "reports:ask": page(post(answers=302, outsider=404, body=periodic_report_form)),
    "reports:again": page(post(kwargs=periodic_report, answers=302, outsider=404, body=lambda world, kind: {})),
    "reports:progress": page(get(kwargs=periodic_report, outsider=404, budget=4)),
    "reports:download": page(get(kwargs=lambda world, kind: {**periodic_report(world, kind), "extension": "pdf"},
                                 outsider=404, budget=4)),
    # 综治专报: the form; a post makes a Word document and changes nothing (an empty one is refused, 400).
    "reports:brief": page(get(budget=5), post(answers=400)),
    # 统计汇总重建: the city's administrator only; anyone else finds no such page.
    "reports:rebuild": page(get(sees="administrator", budget=5, outsider=404),
                            post(sees="administrator", answers=302, outsider=404, body=lambda world, kind: {})),
    # 包户走访: a dispatcher reads grid A's households and coverage; the grid worker of grid A keeps its
    # households: registers them, visits them and reveals a head of household's phone with a reason.
    "households:index": page(get(answers=302, budget=4)),
    "households:area": page(get(kwargs=grid_a, outsider=404, budget=12, grows=w.grow_households)),
    "households:household": page(get(kwargs=household, outsider=404, budget=6, grows=w.grow_household_visits)),
    "households:new": page(get(kwargs=grid_a, sees="grid_worker", outsider=404, budget=6),
                           post(kwargs=grid_a, sees="grid_worker", answers=302, outsider=404, body=new_household)),
    "households:visit": page(get(kwargs=household, sees="grid_worker", outsider=404, budget=6),
                             post(kwargs=household, sees="grid_worker", answers=302, outsider=404,
                                  body=household_visit)),
    "households:visit_unit": page(get(kwargs=household_unit, sees="grid_worker", outsider=404, budget=6),
                                  post(kwargs=household_unit, sees="grid_worker", answers=302, outsider=404,
                                       body=household_visit)),
    "households:reveal": page(get(kwargs=household, sees="grid_worker", outsider=404, budget=5),
                              post(kwargs=household, sees="grid_worker", outsider=404, body=party_reason)),
    "reports:rebuild_progress": page(get(kwargs=lambda world, kind: {"pk": w.rebuild_of(world).pk},
                                         sees="administrator", outsider=404, budget=4)),
    # 巡逻防控: today's map of an area; the grid worker's shift (running, their route being recorded) and its
    # actions; starting a second route while one runs is refused with a message, nothing written.
    "patrols:index": page(get(answers=302, budget=4)),
    "patrols:today": page(get(kwargs=township_a, outsider=404, budget=15, grows=w.grow_patrols)),
    "patrols:mine": page(get(sees="grid_worker", budget=7)),
    "patrols:shift": page(get(kwargs=patrol_shift, sees="grid_worker", outsider=404, budget=14)),
    "patrols:check_in": page(post(kwargs=patrol_shift, sees="grid_worker", answers=302, outsider=404,
                                  body=patrol_check_in)),
    "patrols:route_start": page(post(kwargs=patrol_shift, sees="grid_worker", answers=302, outsider=404)),
    "patrols:incident": page(post(kwargs=patrol_shift, sees="grid_worker", answers=302, outsider=404,
                                  body=patrol_finding)),
    "patrols:route": page(get(kwargs=patrol_route, sees="grid_worker", outsider=404, budget=6)),
    "patrols:route_stop": page(post(kwargs=patrol_route, sees="grid_worker", answers=302, outsider=404,
                                    body=lambda world, kind: {})),
    "patrols:point_qr": page(get(kwargs=patrol_point, outsider=404, budget=4)),
    "patrols:scan": page(get(kwargs=patrol_scan, sees="grid_worker", outsider=404, budget=6),
                         post(kwargs=patrol_scan, sees="grid_worker", answers=302, outsider=404,
                              body=lambda world, kind: {})),


    # 快反处置圈: centre staff see their township's circles and try a post (a trial saves nothing); the city's
    # leader places one in grid A and removes the world's post.
    "patrols:circles_index": page(get(answers=302, budget=4)),
    "patrols:circles": page(get(kwargs=township_a, outsider=404, budget=13, grows=w.grow_response_posts)),
    "patrols:circles_map": page(get(kwargs=township_a, outsider=404, budget=9, grows=w.grow_response_posts)),
    "patrols:circles_try": page(post(kwargs=township_a, outsider=404)),
    "patrols:post_add": page(post(kwargs=township_a, sees="leader", answers=302, outsider=404,
                                  body=lambda world, kind: {"name": "鼓楼快反点", "kind": "quick", "lon": "109.71",
                                                            "lat": "38.29"})),
    "patrols:post_remove": page(post(kwargs=lambda world, kind: {"pk": w.response_post_of(world).pk}, sees="leader",
                                     answers=302, outsider=404, body=lambda world, kind: {"area": "610802001"})),
}

API_ROOT, API_ROUTE, API_NAMESPACE = "/api/v1", "api/v1/", "api-v1"  # its address, its route and its namespace
# The operations of the JSON API, as its OpenAPI schema names them. Staff call with a personal token,
# applications with their key; with neither, every route answers 401.
CASE = "/cases/{number}"
API: dict[str, Row] = {
    "GET /me": get(budget=1),
    "GET /tasks": get(sees="department_handler", budget=6, grows=w.grow_cases),
    "GET /areas": get(query=lambda world, kind: {"parent": world.areas["township_a"].code}, budget=4,
                      grows=w.grow_areas),
    "GET /areas/locate": get(query=lambda world, kind: dict(zip(("longitude", "latitude"), GRID_A_POINT)),
                             outsider=404, budget=6),
    "GET /areas/{code}": get(kwargs=township_a, outsider=404, budget=4),
    "GET /categories": get(query=lambda world, kind: {"parent": world.default.category.parent.code}, budget=3,
                           grows=w.grow_categories),
    "GET /categories/{code}": get(kwargs=lambda world, kind: {"code": world.case(kind).category.code},
                                  per_kind=True, budget=51),
    # 7 since scope moved to orgs.scope (one query more to read the caller's grants); the same for N and 3N rows.
    "GET /departments": get(budget=7, grows=w.grow_departments),
    "GET /departments/{department_id}": get(kwargs=lambda world, kind: {"department_id": world.station.pk},
                                            outsider=404, budget=7),
    "GET /cases": get(budget=3, grows=w.grow_cases),
    "POST /cases": post(sees="intake_clerk", answers=201, body=api_filing),
    # 6: the steps offered are asked of the table: a dispute's, hazard's or petition's guards read its record once.
    f"GET {CASE}": get(kwargs=case_number, outsider=404, per_kind=True, budget=6),
    f"GET {CASE}/events": get(kwargs=case_number, outsider=404, per_kind=True, budget=5, grows=w.grow_events),
    f"POST {CASE}/actions": post(kwargs=case_number, outsider=404, per_kind=True, body=remind),
    f"POST {CASE}/reveal": post(kwargs=case_number, outsider=404, per_kind=True, body=reveal_phone),
    f"GET {CASE}/attachments": get(kwargs=case_number, outsider=404, per_kind=True, budget=4,
                                   grows=w.grow_events),
    f"POST {CASE}/attachments": post(kwargs=case_number, outsider=404, per_kind=True, encoding="multipart",
                                     body=lambda world, kind: {"action": "comment", "note": "现场照片",
                                                               "files": jpeg("more.jpg")}),
    f"GET {CASE}/attachments/{{attachment_id}}": get(
        kwargs=lambda world, kind: {**case_number(world, kind), "attachment_id": w.photo_of(world.case(kind)).pk},
        outsider=404, per_kind=True, budget=4),
    f"GET {CASE}/approvals": get(kwargs=case_number, outsider=404, per_kind=True, budget=4),
    f"POST {CASE}/approvals/{{approval_id}}": post(
        kwargs=lambda world, kind: {**case_number(world, kind), "approval_id": w.request_of(world.case(kind)).pk},
        outsider=404, per_kind=True, body=lambda world, kind: {"approve": True, "version": version(world, kind)}),
    "GET /assignments": get(sees="department_handler", budget=5, grows=w.grow_cases),
    "GET /assignments/{assignment_id}": get(
        kwargs=lambda world, kind: {"assignment_id": w.assignment_of(world.case(kind)).pk}, sees="department_handler",
        outsider=404, per_kind=True, budget=5),
    "GET /notices": get(budget=3, grows=w.grow_notices),
    # Marks the caller's own notices read: the dispatcher's notice stays unread for the outsider.
    "POST /notices/read": post(outsider=200, body=lambda world, kind: {"ids": [world.notice.pk]}),
    "GET /webhooks": get(sees="application", budget=2, grows=w.grow_subscriptions),
    "POST /webhooks": post(sees="application", answers=201,
                           body=lambda world, kind: {"url": f"{w.HOOK_URL}/new", "actions": ["close"]}),
    "DELETE /webhooks/{subscription_id}": delete(
        kwargs=lambda world, kind: {"subscription_id": world.subscription.pk}, sees="application", answers=204,
        outsider=404, body=lambda world, kind: {}),
    "GET /webhooks/{subscription_id}/deliveries": get(
        kwargs=lambda world, kind: {"subscription_id": world.subscription.pk}, sees="application", outsider=404,
        budget=3, grows=w.grow_events),
    # 巡逻防控: the member's phone. A batch names points of township A: the outsider's rows are all refused.
    "GET /patrols/shifts": get(sees="grid_worker", budget=8),
    "POST /patrols/checkins": post(sees="grid_worker", outsider=200,
                                   body=lambda world, kind: {"items": [patrol_check_in(world, kind)]}),
    "POST /patrols/shifts/{shift_id}/routes": post(kwargs=lambda world, kind: {"shift_id": w.patrol_of(world).pk},
                                                   sees="grid_worker", answers=422, outsider=404),
    "POST /patrols/routes/{route_id}/positions": post(
        kwargs=lambda world, kind: {"route_id": w.route_of(world).pk}, sees="grid_worker", outsider=404,
        body=lambda world, kind: {"items": [{"at": w.timezone.now().isoformat(), "longitude": 109.705,
                                             "latitude": 38.285}]}),
    "POST /patrols/routes/{route_id}/stop": post(kwargs=lambda world, kind: {"route_id": w.route_of(world).pk},
                                                 sees="grid_worker", outsider=404, body=lambda world, kind: {}),
    "GET /patrols/routes/{route_id}": get(kwargs=lambda world, kind: {"route_id": w.route_of(world).pk},
                                          sees="grid_worker", outsider=404, budget=6),
    "POST /patrols/shifts/{shift_id}/incidents": post(
        kwargs=lambda world, kind: {"shift_id": w.patrol_of(world).pk}, sees="grid_worker", outsider=404,
        body=patrol_finding),
}

# Patterns no row lists, each with the reason. Matched on the pattern's name (a namespace ends in ":").
# Static files are no pattern (WhiteNoise serves them in the middleware), and uploads have no public URL:
# cases:attachment and public:photo serve them after the scope check.
EXCLUDED = {
    "admin:": "Django's admin: its own sign-in and model permissions (is_staff), tested in each app's test_admin_*",
    "api-v1:openapi-json": "the API's schema: the same document for everyone (test_the_api_documents_itself_…)",
    "api-v1:openapi-view": "the API's interactive documentation, served from static files",
    "api-v1:api-root": "django-ninja's redirect from /api/v1/ to its documentation",
}
# Whose outsider each persona has: township B's staff for staff, township B's application for applications.
OUTSIDERS = {"application": "other_application"}


@dataclass(frozen=True)
class Walk:
    """One row with the kind of case it is walked for, and a readable id for the parametrised tests."""

    name: str
    row: Row
    kind: str
    api: bool = False
    url: str = ""

    @property
    def id(self) -> str:
        method = "" if self.api else f" {self.row.method}"  # an API row's name starts with its method
        return f"{self.name}{method}" + (f" [{self.kind}]" if self.row.per_kind else "")

    @property
    def outsider(self) -> str:
        return OUTSIDERS.get(self.row.sees, "outsider")


def walks(kinds: list[str], *, api: bool, where: Callable[[Row], bool] = lambda row: True) -> list[Walk]:
    """Each row that ``where`` picks, once per kind when it is walked per kind."""
    found = []
    for name, row, url in _rows(api):
        if where(row):
            found += [Walk(name, row, kind, api, url) for kind in (kinds if row.per_kind else [w.DEFAULT_KIND])]
    return found


def _rows(api: bool) -> list[tuple]:
    if api:
        return [(name, row, API_ROOT + name.split(" ", 1)[1]) for name, row in API.items()]
    return [(name, row, entry.url) for name, entry in PAGES.items() for row in entry.rows]


# ---- what there is to cover: the URL resolver's patterns and the API's operations


HTTP_METHODS = {"get", "post", "put", "patch", "delete"}


def url_patterns(resolver=None, prefix: str = "", namespaces: tuple = ()) -> list[tuple[str, str]]:
    """Every URL pattern of the project as (name with its namespaces, route), walking included resolvers."""
    found = []
    for pattern in (resolver or get_resolver()).url_patterns:
        route = prefix + str(pattern.pattern)
        if isinstance(pattern, URLResolver):
            found += url_patterns(pattern, route, (*namespaces, pattern.namespace) if pattern.namespace
                                  else namespaces)
        else:
            found.append((":".join((*namespaces, pattern.name or f"<unnamed {route}>")), route))
    return found


def excluded(name: str) -> bool:
    return any(name == key or key.endswith(":") and name.startswith(key) for key in EXCLUDED)


def api_operations() -> set[str]:
    """The JSON API's operations as ``"METHOD /path"``, read from its OpenAPI schema."""
    from civicgrid.api.api import api

    schema = api.get_openapi_schema(path_prefix="")
    return {f"{method.upper()} {path}" for path, operations in schema["paths"].items()
            for method in operations if method in HTTP_METHODS}


def api_path(route: str) -> str:
    """A resolver route under the API as OpenAPI writes it: ``api/v1/cases/<case:number>`` → ``/cases/{number}``."""
    return "/" + re.sub(r"<(?:\w+:)?(\w+)>", r"{\1}", route.removeprefix(API_ROUTE)).rstrip("/")

