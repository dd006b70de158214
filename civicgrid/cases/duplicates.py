"""重复件提示: open cases of the same category reported near the same spot in recent days.

The radius and the number of days are per category (``duplicate_radius_m``, ``duplicate_days``).
A bounding box narrows the candidates in SQL; the exact great-circle distance decides.
"""

import math
from datetime import timedelta

from django.utils import timezone

from .choices import OPEN_STATUSES
from .models import Case

EARTH_RADIUS_M = 6_371_008.8
METRES_PER_DEGREE = math.pi * EARTH_RADIUS_M / 180


def candidates(case: Case, user, limit: int = 10) -> list[tuple[Case, float]]:
    """Open cases ``user`` may see that may report the same matter as ``case``, nearest first, with their
    distance in metres."""
    if case.longitude is None or case.latitude is None:
        return []
    return near(case.category, case.longitude, case.latitude, user, case.reported_at, exclude=case.pk, limit=limit)


def near(category, lon: float, lat: float, user, when=None, exclude=None, limit: int = 10) -> list[tuple[Case, float]]:
    """Open cases of ``category`` that ``user`` may see within the category's radius of a point and its days
    before ``when``, nearest first: a suggestion never shows a case outside the user's scope."""
    when = when or timezone.now()
    radius = category.duplicate_radius_m
    d_lat = radius / METRES_PER_DEGREE
    d_lon = d_lat / max(math.cos(math.radians(lat)), 0.01)
    rows = Case.objects.restrict(user).filter(
        category=category, status__in=OPEN_STATUSES, longitude__range=(lon - d_lon, lon + d_lon),
        latitude__range=(lat - d_lat, lat + d_lat),
        reported_at__range=(when - timedelta(days=category.duplicate_days), when),
    ).exclude(pk=exclude).select_related("area")
    found = [(row, distance_m(lon, lat, row.longitude, row.latitude)) for row in rows[:500]]
    return sorted([pair for pair in found if pair[1] <= radius], key=lambda pair: pair[1])[:limit]


def distance_m(lon1: float, lat1: float, lon2: float, lat2: float) -> float:
    """Haversine distance; plenty precise for a few hundred metres."""
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    d_phi, d_lambda = phi2 - phi1, math.radians(lon2 - lon1)
    a = math.sin(d_phi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(d_lambda / 2) ** 2
    return 2 * EARTH_RADIUS_M * math.asin(math.sqrt(a))
