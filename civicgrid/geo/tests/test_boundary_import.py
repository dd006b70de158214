import json
from pathlib import Path

import pytest
import shapely
from django.conf import settings

from civicgrid.geo.coords import wgs84_to_gcj02
from civicgrid.geo.importers import import_boundaries, import_divisions
from civicgrid.geo.models import Area, Boundary, Generation
from civicgrid.testing.factories import area

pytestmark = pytest.mark.django_db
DATA = Path(settings.BASE_DIR) / "data"


def feature(code, ring, name=None):
    return {"type": "Feature", "properties": {"code": code, "name": name},
            "geometry": {"type": "Polygon", "coordinates": [ring]}}


def collection(*features):
    return json.dumps({"type": "FeatureCollection", "features": list(features)})


SQUARE = [[109.70, 38.28], [109.72, 38.28], [109.72, 38.30], [109.70, 38.30], [109.70, 38.28]]
OTHER_SQUARE = [[109.70, 38.28], [109.73, 38.28], [109.73, 38.31], [109.70, 38.31], [109.70, 38.28]]


@pytest.fixture
def community():
    return area("610802001001")


def test_the_real_county_outlines_import_for_every_county_of_the_four_areas():
    sources = [(n, (DATA / "divisions" / n).read_text("utf-8-sig")) for n in ("provinces.csv", "cities.csv", "areas.csv")]
    import_divisions(sources)
    text = (DATA / "boundaries" / "counties.geojson").read_text("utf-8")
    report = import_boundaries("counties.geojson", text, code_property="gb")
    assert report.ok and report.created == 27
    yuyang = Boundary.objects.current().get(area__code="610802").geometry
    assert yuyang.contains(shapely.Point(109.7346, 38.2853))  # 榆林市人民政府, in 榆阳区
    again = import_boundaries("counties.geojson", text, code_property="gb")
    assert (again.created, again.updated, again.unchanged) == (0, 0, 27)
    assert Generation.objects.count() == 1


def test_a_grid_of_an_existing_community_is_created_with_its_outline(community):
    report = import_boundaries("grids.geojson", collection(feature("610802001001001", SQUARE, "一网格")))
    assert report.ok and report.created == 1
    grid = Area.objects.get(code="610802001001001")
    assert grid.parent == community and grid.name == "一网格"


def test_redrawing_a_grid_starts_a_new_version_and_keeps_the_old_one(community):
    import_boundaries("v1.geojson", collection(feature("610802001001001", SQUARE)))
    report = import_boundaries("v2.geojson", collection(feature("610802001001001", OTHER_SQUARE)))
    assert report.updated == 1
    old, new = Boundary.objects.filter(area__code="610802001001001").order_by("id")
    assert old.replaced_in == new.valid_from
    assert Boundary.objects.current().get(area__code="610802001001001") == new
    assert new.geometry.area > old.geometry.area


def test_a_repeated_import_of_the_same_grids_changes_nothing(community):
    text = collection(feature("610802001001001", SQUARE))
    import_boundaries("g.geojson", text)
    report = import_boundaries("g.geojson", text)
    assert (report.created, report.updated, report.unchanged) == (0, 0, 1)
    assert "没有变化" in report.summary()


def test_gcj02_input_is_converted_to_wgs84(community):
    shifted = [list(wgs84_to_gcj02(lon, lat)) for lon, lat in SQUARE]
    import_boundaries("gcj.geojson", collection(feature("610802001001001", shifted)), system="gcj02")
    stored = Boundary.objects.get().geometry
    assert shapely.hausdorff_distance(stored, shapely.Polygon(SQUARE)) < 1e-7  # about a centimetre


BOWTIE = [[109.70, 38.28], [109.72, 38.30], [109.72, 38.28], [109.70, 38.30], [109.70, 38.28]]
SWAPPED = [[lat, lon] for lon, lat in SQUARE]
ABROAD = [[2.29, 48.85], [2.30, 48.85], [2.30, 48.86], [2.29, 48.86], [2.29, 48.85]]


@pytest.mark.parametrize(
    ("bad_feature", "fragment"),
    [
        (feature("610802001001002", BOWTIE), "自相交"),
        (feature("610802001001002", SWAPPED), "经纬度似乎填反了"),
        (feature("610802001001002", ABROAD), "超出中国境内"),
        (feature("61080200100100", SQUARE), "位数为 14"),
        (feature(None, SQUARE), "缺少代码属性"),
        (feature("610802009001001", SQUARE), "不存在"),
        (feature("610802001001001", SQUARE), "重复"),
        ({"type": "Feature", "properties": {"code": "610802001001002"}, "geometry": {"type": "Point", "coordinates": [109.7, 38.3]}}, "Point"),
        ({"type": "Feature", "properties": {"code": "610802001001002"}, "geometry": {"type": "Polygon", "coordinates": "x"}}, "无法解析"),
        ({"type": "Thing"}, "不是 GeoJSON Feature"),
    ],
)
def test_each_bad_feature_is_named_and_nothing_is_written(community, bad_feature, fragment):
    report = import_boundaries("bad.geojson", collection(feature("610802001001001", SQUARE), bad_feature))
    assert not report.written
    assert [e.row for e in report.errors] == [2]
    assert fragment in report.errors[0].message
    assert not Boundary.objects.exists() and not Area.objects.filter(level=6).exists()


@pytest.mark.parametrize(
    ("text", "fragment"),
    [("{not json", "不是有效的 JSON"), ('{"type": "Feature"}', "FeatureCollection"),
     ('{"type": "FeatureCollection", "crs": {"properties": {"name": "EPSG:3857"}}, "features": []}', "EPSG:3857")],
)
def test_a_broken_file_is_refused_as_a_whole(text, fragment):
    report = import_boundaries("broken.geojson", text)
    assert not report.written and fragment in report.errors[0].message


def test_only_the_valid_features_are_imported_when_asked(community):
    text = collection(feature("610802001001001", SQUARE), feature("610802001001002", BOWTIE))
    report = import_boundaries("mixed.geojson", text, only_valid=True)
    assert report.written and report.created == 1 and len(report.errors) == 1
    assert list(Area.objects.filter(level=6).values_list("code", flat=True)) == ["610802001001001"]
