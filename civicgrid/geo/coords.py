"""Coordinate systems of Chinese web maps, converted to WGS84 on the way in.

GCJ-02 (Amap, Tencent) is WGS84 with a published obfuscation offset; BD-09
(Baidu) is a further rotation of GCJ-02. The forward transforms are the
well-known public formulas. The inverse of GCJ-02 has no closed form, so it is
solved by fixed-point iteration to well under a millimetre, where the common
one-step approximation is off by up to a couple of metres; BD-09 likewise. CGCS2000 is treated
as equal to WGS84 (they differ by centimetres).
"""

import math

from django.utils.translation import gettext as _

from .choices import CoordinateSystem

_A = 6378245.0
_EE = 0.00669342162296594323
_X_PI = math.pi * 3000.0 / 180.0

# Mainland China's bounding box, as the GCJ-02 formulas themselves use it.
CHINA_BBOX = (73.0, 3.0, 136.0, 54.0)


class CoordinateError(ValueError):
    """Coordinates that cannot be a place in China."""


def in_china(lon: float, lat: float) -> bool:
    min_lon, min_lat, max_lon, max_lat = CHINA_BBOX
    return min_lon <= lon <= max_lon and min_lat <= lat <= max_lat


def check_in_china(lon: float, lat: float) -> None:
    """Refuse a point outside China, and say so when latitude and longitude look swapped."""
    if not (math.isfinite(lon) and math.isfinite(lat)):
        raise CoordinateError(_("坐标必须是有限的数字。"))
    if in_china(lon, lat):
        return
    if in_china(lat, lon):
        raise CoordinateError(
            _("坐标（经度 %(lon)s，纬度 %(lat)s）不在中国境内，经纬度似乎填反了。") % {"lon": lon, "lat": lat}
        )
    raise CoordinateError(_("坐标（经度 %(lon)s，纬度 %(lat)s）不在中国境内。") % {"lon": lon, "lat": lat})


def _offset(lon: float, lat: float) -> tuple[float, float]:
    x, y = lon - 105.0, lat - 35.0
    dlat = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * math.sqrt(abs(x))
    dlat += (20.0 * math.sin(6.0 * x * math.pi) + 20.0 * math.sin(2.0 * x * math.pi)) * 2.0 / 3.0
    dlat += (20.0 * math.sin(y * math.pi) + 40.0 * math.sin(y / 3.0 * math.pi)) * 2.0 / 3.0
    dlat += (160.0 * math.sin(y / 12.0 * math.pi) + 320 * math.sin(y * math.pi / 30.0)) * 2.0 / 3.0
    dlon = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * math.sqrt(abs(x))
    dlon += (20.0 * math.sin(6.0 * x * math.pi) + 20.0 * math.sin(2.0 * x * math.pi)) * 2.0 / 3.0
    dlon += (20.0 * math.sin(x * math.pi) + 40.0 * math.sin(x / 3.0 * math.pi)) * 2.0 / 3.0
    dlon += (150.0 * math.sin(x / 12.0 * math.pi) + 300.0 * math.sin(x / 30.0 * math.pi)) * 2.0 / 3.0
    radlat = lat / 180.0 * math.pi
    magic = 1 - _EE * math.sin(radlat) ** 2
    sqrtmagic = math.sqrt(magic)
    dlat = (dlat * 180.0) / ((_A * (1 - _EE)) / (magic * sqrtmagic) * math.pi)
    dlon = (dlon * 180.0) / (_A / sqrtmagic * math.cos(radlat) * math.pi)
    return dlon, dlat


def wgs84_to_gcj02(lon: float, lat: float) -> tuple[float, float]:
    dlon, dlat = _offset(lon, lat)
    return lon + dlon, lat + dlat


def _invert(forward, lon: float, lat: float, guess: tuple[float, float]) -> tuple[float, float]:
    """Solve forward(x) = (lon, lat) by fixed-point iteration; the offsets are smooth and small."""
    x, y = guess
    for _step in range(30):
        fx, fy = forward(x, y)
        err_x, err_y = fx - lon, fy - lat
        if abs(err_x) < 1e-10 and abs(err_y) < 1e-10:
            break
        x, y = x - err_x, y - err_y
    return x, y


def gcj02_to_wgs84(lon: float, lat: float) -> tuple[float, float]:
    return _invert(wgs84_to_gcj02, lon, lat, (lon, lat))


def gcj02_to_bd09(lon: float, lat: float) -> tuple[float, float]:
    z = math.sqrt(lon * lon + lat * lat) + 0.00002 * math.sin(lat * _X_PI)
    theta = math.atan2(lat, lon) + 0.000003 * math.cos(lon * _X_PI)
    return z * math.cos(theta) + 0.0065, z * math.sin(theta) + 0.006


def bd09_to_gcj02(lon: float, lat: float) -> tuple[float, float]:
    """The published closed form; off by up to a few centimetres, see bd09_to_gcj02_exact."""
    x, y = lon - 0.0065, lat - 0.006
    z = math.sqrt(x * x + y * y) - 0.00002 * math.sin(y * _X_PI)
    theta = math.atan2(y, x) - 0.000003 * math.cos(x * _X_PI)
    return z * math.cos(theta), z * math.sin(theta)


def bd09_to_gcj02_exact(lon: float, lat: float) -> tuple[float, float]:
    return _invert(gcj02_to_bd09, lon, lat, bd09_to_gcj02(lon, lat))


def to_wgs84(lon: float, lat: float, system: str = CoordinateSystem.WGS84) -> tuple[float, float]:
    """Convert a point given in ``system`` to WGS84, refusing points outside China."""
    check_in_china(lon, lat)
    if system == CoordinateSystem.WGS84:
        return lon, lat
    if system == CoordinateSystem.GCJ02:
        return gcj02_to_wgs84(lon, lat)
    if system == CoordinateSystem.BD09:
        return gcj02_to_wgs84(*bd09_to_gcj02_exact(lon, lat))
    raise CoordinateError(_("不支持的坐标系“%(system)s”，可用：wgs84、gcj02、bd09。") % {"system": system})


def from_wgs84(lon: float, lat: float, system: str) -> tuple[float, float]:
    """WGS84 to ``system``: used to show stored points on GCJ-02 tiles and in tests."""
    if system == CoordinateSystem.GCJ02:
        return wgs84_to_gcj02(lon, lat)
    if system == CoordinateSystem.BD09:
        return gcj02_to_bd09(*wgs84_to_gcj02(lon, lat))
    return lon, lat
