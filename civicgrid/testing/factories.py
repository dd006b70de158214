"""Factories for tests: real 榆林市 codes, simple square outlines."""

import factory
import shapely
from django.contrib.auth.models import AnonymousUser
from shapely.geometry import box

from civicgrid.geo import codes
from civicgrid.geo.importers import save_boundary
from civicgrid.geo.models import Area, Generation
from civicgrid.orgs.models import Department, RoleAssignment, Staff

__all__ = ["AnonymousUser", "RoleAssignment", "area", "outline", "small_city", "staff_with_role"]

NAMES = {
    "61": "陕西省", "6108": "榆林市", "610802": "榆阳区", "610802001": "鼓楼街道", "610802002": "青山路街道",
    "610802001001": "鸳鸯湖社区居委会", "610802002001": "青山路社区居委会",
}


def area(code: str, name: str | None = None) -> Area:
    """The area with this code, creating it and any missing ancestors."""
    parent_code = codes.parent_code(code)
    parent = area(parent_code) if parent_code else None
    found, _created = Area.objects.get_or_create(
        code=code, defaults={"name": name or NAMES.get(code, f"区域{code}"), "level": codes.level_of(code), "parent": parent}
    )
    return found


def outline(target: Area, geometry, generation: Generation | None = None):
    return save_boundary(target, geometry, generation or Generation.objects.create(note="test"))


def small_city() -> dict:
    """榆阳区 with two townships; township A's grid covers 109.70–109.72 E, 38.28–38.30 N, B's the square east of it."""
    grid_a = area("610802001001001", "鸳鸯湖第1网格")
    grid_b = area("610802002001001", "青山路第1网格")
    outline(grid_a, box(109.70, 38.28, 109.72, 38.30))
    outline(grid_b, box(109.72, 38.28, 109.74, 38.30))
    return {
        "province": area("61"), "city": area("6108"), "county": area("610802"),
        "township_a": area("610802001"), "township_b": area("610802002"),
        "community_a": area("610802001001"), "community_b": area("610802002001"),
        "grid_a": grid_a, "grid_b": grid_b,
    }


class StaffFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Staff
        django_get_or_create = ("username",)

    username = factory.Sequence(lambda n: f"staff{n}")
    display_name = factory.Faker("name", locale="zh_CN")
    phone = factory.Sequence(lambda n: f"139{n:08d}")
    password = factory.django.Password("pw-for-tests")


class DepartmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Department
        skip_postgeneration_save = True

    code = factory.Sequence(lambda n: f"D{n:03d}")
    name = factory.Sequence(lambda n: f"测试部门{n}")

    @factory.post_generation
    def served_areas(self, create, extracted, **kwargs):
        if create and extracted:
            self.served_areas.set(extracted)


def staff_with_role(role: str, username: str, **anchor) -> Staff:
    staff = StaffFactory(username=username)
    RoleAssignment.objects.create(staff=staff, role=role, **anchor)
    return staff


def square(lon: float, lat: float, size: float = 0.01):
    return shapely.box(lon, lat, lon + size, lat + size)


def category(code: str = "01", name: str = "市容环境", kind: str = "urban_event", **fields):
    """A category with its parents; ``limits`` (stage → (amount, unit)) sets its time limits."""
    from civicgrid.cases.codes import parent_code as category_parent
    from civicgrid.cases.models import Category, TimeLimit

    limits = fields.pop("limits", {})
    parent_code = category_parent(code)
    parent = Category.objects.get(code=parent_code) if parent_code else None
    found, _created = Category.objects.get_or_create(code=code, defaults={"name": name, "kind": kind,
                                                                          "parent": parent, **fields})
    for stage, (amount, unit) in limits.items():
        TimeLimit.objects.update_or_create(category=found, stage=stage, defaults={"amount": amount, "unit": unit})
    return found


GRID_A_POINT = (109.71, 38.29)


def report(cat, **fields):
    """A resident's report of ``cat`` at the middle of grid A, as the web form would send it."""
    from civicgrid.cases.intake import Report

    lon, lat = fields.pop("point", GRID_A_POINT)
    values = {"title": "道路井盖缺失", "description": "鼓楼街道路口井盖缺失，夜间危险。", "longitude": lon,
              "latitude": lat, "reporter_name": "张三", "reporter_phone": "13800138000", **fields}
    return Report(category=cat, **values)


def jpeg(name: str = "photo.jpg", size: int = 2048, exif: bytes = b""):
    """A small upload that really is a JPEG (Pillow reads it), padded after its end to ``size`` bytes; ``exif``
    is written into it as a phone would."""
    import io

    from django.core.files.uploadedfile import SimpleUploadedFile
    from PIL import Image

    found = io.BytesIO()
    Image.new("RGB", (32, 24), (90, 140, 200)).save(found, "JPEG", exif=exif)
    body = found.getvalue()
    return SimpleUploadedFile(name, body + b"\x00" * max(size - len(body), 0), content_type="image/jpeg")
