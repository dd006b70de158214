"""Response posts (快反处置点位): who sees the circles, who places posts, and placing, trying and removing one.

Centre staff, leaders and administrators see the circles of the areas their roles reach and may try a post
anywhere in them (a what-if: nothing is saved). Leaders, shift leads (值班长) and administrators place and
remove posts where their node reaches. A post must lie inside a grid of the city: a point outside every grid
(outside the city) is refused with the reason, and nothing is saved or computed. Checked here, whatever calls.
"""

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import Http404
from django.utils.translation import gettext as _

from civicgrid.geo import locator
from civicgrid.geo.choices import AreaLevel, CoordinateSystem
from civicgrid.geo.coords import CoordinateError, check_in_china, to_wgs84
from civicgrid.geo.models import Area
from civicgrid.orgs import scope
from civicgrid.orgs.choices import CENTRE_ROLES, Role

from . import circles
from .choices import PostKind
from .models import ResponsePost

VIEWERS = frozenset({*CENTRE_ROLES, Role.LEADER, Role.ADMINISTRATOR})
PLACERS = frozenset({Role.LEADER, Role.SHIFT_LEAD, Role.ADMINISTRATOR})
NAME_MAX = 100


class PostRefused(Exception):
    """A post (or a trial) refused: ``message`` says why in the user's language; nothing saved."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


@dataclass
class Draft:
    """A post as the map's form gives it: coordinates in ``system`` (converted to WGS84 on the way in)."""

    name: str
    kind: str
    lon: float | str | None
    lat: float | str | None
    system: str = CoordinateSystem.WGS84


# --- Who may --------------------------------------------------------------------------------------------------


def reach(user) -> tuple[str, ...]:
    """The area prefixes whose circles the user sees ("" for a superuser: all)."""
    return scope.reach(user, VIEWERS)


def may_place(user, code: str) -> bool:
    return user.is_superuser or any(scope.acts_at(grant, code) for grant in user.scope.holding(PLACERS))


def circles_area(user, code: str | None = None) -> Area:
    """The area whose circles the user opens: ``code`` or their first area. No role for it: 403; outside their
    reach, or a grid or below (nothing to count under it): 404."""
    codes = reach(user)
    if not codes:
        raise PermissionDenied(_("快反处置圈只对综治中心工作人员、领导和系统管理员开放。"))
    code = code or scope.first_code(user, codes)
    area = Area.objects.filter(code=code, level__lt=AreaLevel.GRID).first() if code and code.startswith(codes) else None
    if area is None:
        raise Http404
    return area


# --- Checking a post --------------------------------------------------------------------------------------------


def checked_point(draft: Draft) -> tuple[float, float, Area]:
    """The draft's WGS84 point and the grid it lies in; PostRefused when it is no point or lies in no grid."""
    try:
        lon, lat = float(draft.lon), float(draft.lat)
        check_in_china(lon, lat)
        lon, lat = to_wgs84(lon, lat, draft.system)
    except CoordinateError as error:  # a ValueError too: first
        raise PostRefused(str(error)) from None
    except (TypeError, ValueError):
        raise PostRefused(_("请在地图上点选点位的位置（经度、纬度）。")) from None
    grid = _grid_at(lon, lat)
    return lon, lat, grid


def _grid_at(lon: float, lat: float) -> Area:
    index = locator.get_index()
    code = index.locate_one(lon, lat)
    if code is None:
        raise PostRefused(_("该点位不在%(region)s的任何网格内（在本市以外），请在本市范围内选点。")
                          % {"region": index.region_name or _("本系统")})
    return Area.objects.get(code=code)


def _checked_kind(kind: str) -> str:
    if kind not in PostKind.values:
        raise PostRefused(_("请选择点位类型（警务站、社区警务室或快反点）。"))
    return kind


def _checked_name(name: str) -> str:
    name = (name or "").strip()
    if not name:
        raise PostRefused(_("请填写点位名称。"))
    if len(name) > NAME_MAX:
        raise PostRefused(_("点位名称最多 %(n)d 个字。") % {"n": NAME_MAX})
    return name


# --- Placing, trying and removing ----------------------------------------------------------------------------------


def place(user, draft: Draft) -> ResponsePost:
    """Save a post and refresh the circles, in one transaction: refused, nothing is saved."""
    name, kind = _checked_name(draft.name), _checked_kind(draft.kind)
    lon, lat, grid = checked_point(draft)
    if not may_place(user, grid.code):
        raise PostRefused(_("您无权在该位置设置快反处置点位（不在您负责的区域内）。"))
    with transaction.atomic():
        post = ResponsePost.objects.create(name=name, kind=kind, lon=lon, lat=lat, area=grid, area_code=grid.code,
                                           created_by=user)
        circles.refresh()
    return post


def remove(user, post: ResponsePost) -> None:
    """Remove a post and refresh the circles. Outside the user's reach the post is not theirs to see: 404."""
    if not post.area_code.startswith(reach(user)):
        raise Http404
    if not may_place(user, post.area_code):
        raise PermissionDenied(_("您无权撤销该快反处置点位。"))
    with transaction.atomic():
        post.delete()
        circles.refresh()


def trial(user, area: Area, draft: Draft) -> circles.Trial:
    """What one more post would change under ``area`` (the user's to see): computed, never saved. The name
    may still be empty."""
    if not area.code.startswith(reach(user)):
        raise Http404
    kind = _checked_kind(draft.kind)
    lon, lat, _grid = checked_point(draft)
    return circles.trial(area, kind, lon, lat, circles.speeds())
