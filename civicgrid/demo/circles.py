"""Demo response posts (快反处置点位) in 榆林市, giving a 1-3-5-minute map with gaps, as a city plans it.

Posts stand where people live close together: a 社区警务室 in about every third urban community, a 警务站 in each
street (街道) and in the seat of each county, and a 快反点 in one rural township in three, at its first
community. So town centres lie within 1 to 3 minutes, their edges within 5, and most villages are gaps: what a
leader looks at to decide where the next posts go. Each post stands on its grid's representative point (inside
the grid). Written with one bulk insert, then the circles measured once. Deterministic.
"""

import random

from civicgrid.geo.choices import AreaLevel
from civicgrid.geo.models import Area
from civicgrid.patrols import circles
from civicgrid.patrols.circle_choices import PostKind
from civicgrid.patrols.models import ResponsePost

from .geography import _short
from .people import CITY

SEED = 135
OFFICE_SHARE = 0.35  # of urban communities: a 社区警务室
QUICK_SHARE = 1 / 3  # of rural townships: a 快反点


def load_posts() -> int:
    """The demo posts, once (none when 榆林市 has posts already); returns how many were placed."""
    if ResponsePost.objects.filter(area_code__startswith=CITY).exists():
        return 0
    points = _first_grid_points()
    if not points:
        return 0
    names = dict(Area.objects.filter(code__startswith=CITY, level__lte=AreaLevel.COMMUNITY)
                 .values_list("code", "name"))
    ids = dict(Area.objects.filter(code__in=[grid for grid, _lon, _lat in points.values()]).values_list("code", "id"))
    rng = random.Random(SEED)
    posts = [_post(kind, name, points[community], ids) for kind, name, community in _plan(points, names, rng)]
    ResponsePost.objects.bulk_create(posts)
    circles.refresh()
    return len(posts)


def _first_grid_points() -> dict[str, tuple[str, float, float]]:
    """Each community of the city with its first grid and that grid's representative point."""
    found = circles.places()
    points: dict[str, tuple[str, float, float]] = {}
    for code, lon, lat in zip(found.codes, found.lons, found.lats):
        if len(code) == 15 and code.startswith(CITY):
            points.setdefault(code[:12], (code, lon, lat))
    return points


def _plan(points: dict, names: dict, rng: random.Random):
    """(kind, name, community) of each post."""
    townships = sorted({community[:9] for community in points})
    for township in townships:
        communities = sorted(c for c in points if c.startswith(township))
        urban = [c for c in communities if _urban(names.get(c, ""))]
        if names.get(township, "").endswith("街道") or _seat(township, townships):
            yield PostKind.STATION, f"{_short(names.get(township, township))}警务站", (urban or communities)[0]
        for community in urban:
            if rng.random() < OFFICE_SHARE:
                yield PostKind.COMMUNITY_OFFICE, f"{_short(names.get(community, community))}警务室", community
        if not urban and rng.random() < QUICK_SHARE:
            yield PostKind.QUICK_RESPONSE, f"{_short(names.get(township, township))}快反点", communities[0]


def _urban(name: str) -> bool:
    return "社区" in name or "居委会" in name


def _seat(township: str, townships: list[str]) -> bool:
    """The county's first township in code order: the seat, in 榆林's divisions as in most."""
    return township == next(t for t in townships if t[:6] == township[:6])


def _post(kind: str, name: str, point: tuple[str, float, float], ids: dict) -> ResponsePost:
    grid, lon, lat = point
    return ResponsePost(name=name[:100], kind=kind, lon=lon, lat=lat, area_id=ids[grid], area_code=grid)
