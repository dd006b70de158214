"""The organisation behind the demo cases: who files, registers, dispatches, handles and verifies them.

``people`` gives each role one demo user, at 鼓楼街道 and 榆阳区. Cases spread over 榆林市 need the
same roles wherever they happen, as a real city has them: an intake clerk and a dispatcher at every
township centre with cases, a dispatcher and a shift lead at every county centre, a grid worker in
every grid with cases, county branches of the departments and a handler in each. Existing role
holders are used first (the demo users keep their places); the others are created in bulk with
the demo password, named after their place (``paiqian610803001``, ``wangge610802001002003``).
The routing rules and default lead departments make the dispatch proposal meaningful.
"""

import random
from dataclasses import dataclass, field

from civicgrid.cases.models import Category, RoutingRule
from civicgrid.geo.models import Area
from civicgrid.orgs import scope
from civicgrid.orgs.choices import Role
from civicgrid.orgs.models import Department, RoleAssignment, Staff

from . import texts
from .people import CITY, password_hash

COUNTY_UNITS = [("GA", "公安局"), ("ZJ", "住房和城乡建设局"), ("CG", "城市管理执法局"), ("MZ", "民政局"),
                ("SJ", "市场监督管理局"), ("YJ", "应急管理局"), ("SF", "司法局")]
# Top classes led by a city department unless a routing rule says otherwise.
DEFAULT_LEADS = {
    ("劳动和社会保障",): "RS", ("教育文体",): "JY", ("卫生计生",): "WJ", ("交通运输",): "JT", ("环境保护",): "HB",
    ("商贸旅游",): "SJ", ("城乡建设",): "ZJ", ("民政",): "MZ", ("国土资源",): "ZR", ("政法",): "GA",
    ("城管部件",): "CG", ("城管事件",): "CG", ("矛盾纠纷",): "SF",
}
# Per county: category branch → (lead, co-departments); "city:" names a city department.
COUNTY_RULES = {
    ("城管部件",): ("CG", []),
    ("城管事件",): ("CG", []),
    ("城管事件", "突发事件"): ("ZJ", ["CG"]),
    ("城管事件", "施工管理"): ("ZJ", ["CG"]),
    ("矛盾纠纷",): ("SF", []),
    ("矛盾纠纷", "劳资纠纷"): ("city:RS", ["SF"]),
    ("矛盾纠纷", "物业管理"): ("ZJ", ["SF"]),
    ("矛盾纠纷", "医患纠纷"): ("city:WJ", ["SF"]),
    ("城乡建设",): ("ZJ", []),
    ("城乡建设", "安全生产"): ("YJ", []),
    ("城乡建设", "城市建设和市政管理", "城管执法"): ("CG", []),
    ("商贸旅游", "市场监管"): ("SJ", []),
    ("民政",): ("MZ", []),
}
RULE_NOTE = "演示派遣规则"


@dataclass
class Cast:
    """Who acts where: centre staff by centre code, grid workers by grid code, handlers by department id."""

    clerks: dict[str, Staff] = field(default_factory=dict)
    dispatchers: dict[str, Staff] = field(default_factory=dict)
    shift_leads: dict[str, Staff] = field(default_factory=dict)
    grid_workers: dict[str, Staff] = field(default_factory=dict)
    handlers: dict[int, Staff] = field(default_factory=dict)
    leader: Staff | None = None
    building_head: Staff | None = None
    created: int = 0

    def centre(self, role: str, centre_code: str) -> Staff:
        """The holder of ``role`` at a centre; a county or city centre's dispatcher also takes in cases."""
        by_role = {Role.INTAKE_CLERK: self.clerks, Role.DISPATCHER: self.dispatchers, Role.SHIFT_LEAD: self.shift_leads}
        if role == Role.SHIFT_LEAD:
            return self.shift_leads[centre_code[:6] if len(centre_code) > 6 else centre_code]
        return by_role[role].get(centre_code) or self.dispatchers[centre_code]


def county_departments(counties: list[Area]) -> None:
    """榆阳区's branches come from ``people``; every other county with cases gets the same set."""
    have = set(Department.objects.filter(area__in=counties).values_list("code", flat=True))
    new = [Department(code=f"{county.code}-{short}", name=_department_name(county, short, name), area=county)
           for county in counties for short, name in COUNTY_UNITS if f"{county.code}-{short}" not in have]
    Department.objects.bulk_create(new)
    links = Department.served_areas.through
    links.objects.bulk_create([links(department_id=d.pk, area_id=d.area_id)
                               for d in Department.objects.filter(code__in=[n.code for n in new])])


def _department_name(county: Area, short: str, name: str) -> str:
    if short == "GA" and county.name.endswith("区"):
        return f"{county.name}公安分局"
    return f"{county.name}{name}"


def cast(townships: list[Area], grids: list[str], password: str, rng: random.Random) -> Cast:
    """Everyone the demo cases need, creating who is missing; returns them by place."""
    counties = sorted({t.parent for t in townships}, key=lambda a: a.code)
    city = Area.objects.get(code=CITY)
    county_departments(counties)
    departments = list(Department.objects.filter(area__in=[city, *counties]))
    grid_areas = list(Area.objects.filter(code__in=grids))
    needs = [
        *[(Role.INTAKE_CLERK, a, f"shouli{a.code}") for a in (*townships, city)],
        *[(Role.DISPATCHER, a, f"paiqian{a.code}") for a in (*townships, *counties, city)],
        *[(Role.SHIFT_LEAD, a, f"zhiban{a.code}") for a in (*counties, city)],
        *[(Role.GRID_WORKER, a, f"wangge{a.code}") for a in grid_areas],
        *[(Role.DEPARTMENT_HANDLER, d, f"chuzhi-{d.code}") for d in departments],
    ]
    found, created = _staff_for(needs, password_hash(password), rng)
    result = Cast(created=created, leader=_demo_user(Role.LEADER), building_head=_demo_user(Role.BUILDING_HEAD))
    for (role, anchor, _username), staff in zip(needs, found):
        _place(result, role, anchor, staff)
    scope.preload({id(staff): staff for staff in [*found, result.leader, result.building_head] if staff}.values())
    return result


def _demo_user(role: str) -> Staff | None:
    """The demo user of ``role`` (``people``): the city's leader, the 楼栋长 of the demo grid's first building."""
    grant = RoleAssignment.objects.filter(role=role, area__code__startswith=CITY).select_related("staff") \
        .order_by("pk").first()
    return grant.staff if grant else None


def _place(result: Cast, role: str, anchor, staff: Staff) -> None:
    if role == Role.DEPARTMENT_HANDLER:
        result.handlers[anchor.pk] = staff
        return
    target = {Role.INTAKE_CLERK: result.clerks, Role.DISPATCHER: result.dispatchers,
              Role.SHIFT_LEAD: result.shift_leads, Role.GRID_WORKER: result.grid_workers}[role]
    target[anchor.code] = staff


def _staff_for(needs, password_hash: str, rng) -> tuple[list[Staff], int]:
    """The staff holding each (role, anchor), oldest grant first; the missing ones are created in bulk."""
    holders = _holders({need[0] for need in needs})
    missing = [(role, anchor, name) for role, anchor, name in needs if _key(role, anchor) not in holders]
    Staff.objects.bulk_create([Staff(username=name, display_name=texts.person(rng), password=password_hash,
                                     phone=f"139{i:08d}") for i, (_r, _a, name) in enumerate(missing)],
                              ignore_conflicts=True)
    staff = {s.username: s for s in Staff.objects.filter(username__in=[name for _r, _a, name in missing])}
    RoleAssignment.objects.bulk_create([RoleAssignment(staff=staff[name], role=role, **_anchor(role, anchor))
                                        for role, anchor, name in missing])
    holders.update({_key(role, anchor): staff[name] for role, anchor, name in missing})
    return [holders[_key(role, anchor)] for role, anchor, _name in needs], len(missing)


def _holders(roles) -> dict:
    holders = {}
    for grant in RoleAssignment.objects.filter(role__in=roles).select_related("staff").order_by("pk"):
        holders.setdefault((grant.role, grant.department_id or grant.area_id), grant.staff)
    return holders


def _key(role: str, anchor) -> tuple:
    return role, anchor.pk


def _anchor(role: str, anchor) -> dict:
    return {"department": anchor} if role == Role.DEPARTMENT_HANDLER else {"area": anchor}


# --- Routing ---------------------------------------------------------------------------------------


def routing(counties: list[Area], categories: dict) -> int:
    """Default leads on top classes (where none is set) and per-county rules; returns the rules created."""
    city = {d.code.removeprefix(f"{CITY}-"): d for d in Department.objects.filter(area__code=CITY)}
    for path, short in DEFAULT_LEADS.items():
        Category.objects.filter(pk=categories[path].pk, default_lead_department__isnull=True) \
            .update(default_lead_department=city[short])
    have = set(RoutingRule.objects.values_list("category_id", "area_prefix"))
    created = 0
    for county in counties:
        local = {d.code.removeprefix(f"{county.code}-"): d for d in Department.objects.filter(area=county)}
        for path, (lead, co) in COUNTY_RULES.items():
            if (categories[path].pk, county.code) not in have:
                _rule(categories[path], county.code, _department(lead, city, local), [local[c] for c in co])
                created += 1
    return created


def _department(short: str, city: dict, local: dict) -> Department:
    return city[short[5:]] if short.startswith("city:") else local[short]


def _rule(category: Category, prefix: str, lead: Department, co: list[Department]) -> None:
    rule = RoutingRule.objects.create(category=category, area_prefix=prefix, lead_department=lead, note=RULE_NOTE)
    rule.co_departments.set(co)

