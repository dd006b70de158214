"""Demo departments, centres, a 片区 and one demo user per role at realistic nodes of 榆林市."""

from functools import lru_cache

from django.contrib.auth.hashers import make_password
from django.db import transaction

from civicgrid.geo.choices import AreaLevel
from civicgrid.geo.models import Area, Precinct
from civicgrid.orgs.choices import Role
from civicgrid.orgs.models import Centre, Department, RoleAssignment, Staff

CITY = "6108"
COUNTY = "610802"  # 榆阳区
TOWNSHIP = "610802001"  # 鼓楼街道
OTHER_TOWNSHIP = "610802002"  # 青山路街道
COMMUNITY = "610802001001"  # 鸳鸯湖社区
GRID = "610802001001001"
OUTSIDE_TOWNSHIP = "640104001"  # 银川市兴庆区凤凰北街街道: shows that scope stops at the city

CITY_DEPARTMENTS = [
    ("GA", "市公安局"), ("ZJ", "市住房和城乡建设局"), ("CG", "市城市管理执法局"), ("HB", "市生态环境局"),
    ("JT", "市交通运输局"), ("MZ", "市民政局"), ("RS", "市人力资源和社会保障局"), ("WJ", "市卫生健康委员会"),
    ("JY", "市教育局"), ("SJ", "市市场监督管理局"), ("YJ", "市应急管理局"), ("SF", "市司法局"),
    ("XF", "市信访局"), ("ZR", "市自然资源和规划局"), ("SW", "市水务局"),
]
COUNTY_DEPARTMENTS = [
    ("GA", "榆阳区公安分局"), ("ZJ", "榆阳区住房和城乡建设局"), ("CG", "榆阳区城市管理执法局"),
    ("MZ", "榆阳区民政局"), ("SJ", "榆阳区市场监督管理局"), ("YJ", "榆阳区应急管理局"), ("SF", "榆阳区司法局"),
]

# username, display name, role, node code (or a department code), phone
DEMO_USERS = [
    ("wanggeyuan", "张网格", Role.GRID_WORKER, GRID, "13800000001"),
    ("wanggezhang", "李网格长", Role.GRID_HEAD, GRID, "13800000002"),
    ("jianduyuan", "孔监督员", Role.INSPECTOR, COMMUNITY, "13800000018"),
    ("loudongzhang", "王楼栋长", Role.BUILDING_HEAD, GRID + "001", "13800000003"),
    ("loucengzhang", "赵楼层长", Role.FLOOR_HEAD, GRID + "001001", "13800000004"),
    ("shequzhang", "刘社区长", Role.COMMUNITY_HEAD, COMMUNITY, "13800000005"),
    ("pianzhang", "陈片长", Role.PRECINCT_HEAD, "precinct", "13800000006"),
    ("shouliyuan", "杨受理", Role.INTAKE_CLERK, TOWNSHIP, "13800000007"),
    ("paiqianyuan", "黄派遣", Role.DISPATCHER, TOWNSHIP, "13800000008"),
    ("zhibanzhang", "周值班长", Role.SHIFT_LEAD, COUNTY, "13800000009"),
    ("chuzhi", "吴处置", Role.DEPARTMENT_HANDLER, "dept:610802-CG", "13800000010"),
    ("bumenfuze", "郑部门", Role.DEPARTMENT_HEAD, "dept:610802-CG", "13800000011"),
    ("tiaojieyuan", "孙调解", Role.MEDIATOR, OTHER_TOWNSHIP, "13800000012"),
    ("lingdao", "马领导", Role.LEADER, CITY, "13800000013"),
    ("kaopingyuan", "朱考评", Role.EVALUATOR, CITY, "13800000014"),
    ("admin", "系统管理员", Role.ADMINISTRATOR, CITY, "13800000015"),
    ("shenjiyuan", "钱审计", Role.AUDITOR, COUNTY, "13800000017"),
    ("yinchuan", "银川派遣员", Role.DISPATCHER, OUTSIDE_TOWNSHIP, "13800000016"),
]


@lru_cache(maxsize=1)
def password_hash(password: str) -> str:
    """The demo password hashed once for every demo user and staff member: hashing is slow on purpose."""
    return make_password(password)


@transaction.atomic
def load_people(password: str) -> list[tuple[str, str, str, str]]:
    """Create (or refresh) the demo organisation; returns (username, name, role, place) for the printout."""
    _departments()
    _centres()
    precinct = _precinct()
    hashed = password_hash(password)
    return [_user(row, password, hashed, precinct) for row in DEMO_USERS]


def _departments() -> None:
    for area_code, rows in ((CITY, CITY_DEPARTMENTS), (COUNTY, COUNTY_DEPARTMENTS)):
        area = Area.objects.get(code=area_code)
        for short, name in rows:
            department, _created = Department.objects.update_or_create(
                code=f"{area_code}-{short}", defaults={"name": name, "area": area}
            )
            department.served_areas.set([area])


def _centres() -> None:
    levels = (AreaLevel.CITY, AreaLevel.COUNTY, AreaLevel.TOWNSHIP)
    existing = set(Centre.objects.values_list("area_id", flat=True))
    areas = Area.objects.filter(code__startswith=CITY, level__in=levels).exclude(pk__in=existing)
    Centre.objects.bulk_create([Centre(area=a, name=f"{a.name}综治中心") for a in areas])


def _precinct() -> Precinct:
    township = Area.objects.get(code=TOWNSHIP)
    precinct, _created = Precinct.objects.get_or_create(township=township, name="鼓楼街道第一片区")
    precinct.communities.set(township.children.order_by("code")[:3])
    return precinct


def _user(row, password: str, hashed: str, precinct: Precinct) -> tuple[str, str, str, str]:
    username, name, role, node, phone = row
    staff, created = Staff.objects.get_or_create(username=username, defaults={"display_name": name, "phone": phone,
                                                                              "password": hashed})
    if not created and not staff.check_password(password):
        staff.password = hashed
    staff.is_staff = staff.is_superuser = role == Role.ADMINISTRATOR
    staff.save()
    anchor = _anchor(node, precinct)
    RoleAssignment.objects.get_or_create(staff=staff, role=role, **anchor)
    place = next(iter(anchor.values()))
    return username, name, Role(role).label, str(place)


def _anchor(node: str, precinct: Precinct) -> dict:
    if node == "precinct":
        return {"precinct": precinct}
    if node.startswith("dept:"):
        return {"department": Department.objects.get(code=node[5:])}
    return {"area": Area.objects.get(code=node)}
