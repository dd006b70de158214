"""Demo response posts (快反处置点位) in 榆林市, giving a 1-3-5-minute map with gaps, as a city plans it.

Posts stand where people live close together: 警务站 across each street (街道), one for every few grids, and in
the seat of each county; a 社区警务室 in most urban communities; a 快反点 in some rural townships. So town centres
lie within 1 to 3 minutes, their edges within 5, and most villages are gaps: what a leader looks at to decide
where the next posts go. Each post stands on its grid's representative point (inside
the grid). Written with one bulk insert, then the circles measured once. Deterministic.
"""

import random

from civicgrid.geo.choices import AreaLevel
from civicgrid.geo.models import Area
from civicgrid.patrols import circles
from civicgrid.patrols.choices import PostKind
from civicgrid.patrols.models import ResponsePost

from .geography import _short
from .people import CITY

SEED = 135
STATION_EVERY = 5  # a street's grids per 警务站
OFFICE_SHARE = 0.6  # of urban communities: a 社区警务室
QUICK_SHARE = 0.4  # of rural townships: a 快反点


def load_posts() -> int:
    """The demo posts, once (none when 榆林市 has posts already); returns how many were placed."""
    if ResponsePost.objects.filter(area_code__startswith=CITY).exists():
        return 0
    found = circles.places()
    points = {code: (lon, lat) for code, lon, lat in zip(found.codes, found.lons, found.lats)
              if len(code) == 15 and code.startswith(CITY)}
    if not points:
        return 0
    names = dict(Area.objects.filter(code__startswith=CITY, level__lte=AreaLevel.COMMUNITY)
                 .values_list("code", "name"))
    ids = dict(Area.objects.filter(code__startswith=CITY, level=AreaLevel.GRID).values_list("code", "id"))
    posts = [_post(kind, name, grid, points[grid], ids) for kind, name, grid in _plan(points, names)]
    ResponsePost.objects.bulk_create(posts)
    circles.refresh(found)
    return len(posts)


def _plan(points: dict, names: dict):
    """(kind, name, grid) of each post."""
    rng = random.Random(SEED)
    by_township: dict[str, list[str]] = {}
    for grid in sorted(points):
        by_township.setdefault(grid[:9], []).append(grid)
    townships = list(by_township)
    for township, grids in by_township.items():
        name = _short(names.get(township, township))
        street = names.get(township, "").endswith("街道")
        if street or _seat(township, townships):
            yield from ((PostKind.STATION, f"{name}警务站{n or ''}", grid)
                        for n, grid in enumerate(grids[::STATION_EVERY] if street else grids[:1]))
        yield from _offices(grids, names, rng)
        if not street and rng.random() < QUICK_SHARE:
            yield PostKind.QUICK_RESPONSE, f"{name}快反点", grids[len(grids) // 2]


def _offices(grids: list[str], names: dict, rng: random.Random):
    """A 社区警务室 in some of the urban communities, at one of their grids."""
    for community in sorted({grid[:12] for grid in grids}):
        name = names.get(community, "")
        if _urban(name) and rng.random() < OFFICE_SHARE:
            yield PostKind.COMMUNITY_OFFICE, f"{_short(name)}警务室", rng.choice([g for g in grids if g[:12] == community])


def _urban(name: str) -> bool:
    return "社区" in name or "居委会" in name


def _seat(township: str, townships: list[str]) -> bool:
    """The county's first township in code order: the seat, in 榆林's divisions as in most."""
    return township == next(t for t in townships if t[:6] == township[:6])


def _post(kind: str, name: str, grid: str, point: tuple[float, float], ids: dict) -> ResponsePost:
    return ResponsePost(name=name[:100], kind=kind, lon=point[0], lat=point[1], area_id=ids[grid], area_code=grid)
