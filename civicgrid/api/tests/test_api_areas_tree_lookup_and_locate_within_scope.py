from civicgrid.geo.coords import from_wgs84


def test_the_tree_starts_at_the_callers_scope_and_opens_a_level_at_a_time(as_staff, township_dispatcher):
    api = as_staff(township_dispatcher)
    assert [a["code"] for a in api.get("/areas").json()["items"]] == ["610802001"]
    children = api.get("/areas", {"parent": "610802001"}).json()["items"]
    assert [(a["code"], a["has_children"]) for a in children] == [("610802001001", True)]


def test_an_area_is_found_by_its_code_with_its_ancestors(as_staff, township_dispatcher):
    area = as_staff(township_dispatcher).get("/areas/610802001001").json()
    assert area["name"] == "鸳鸯湖社区居委会" and area["parent"] == "610802001"
    assert [a["code"] for a in area["ancestors"]] == ["61", "6108", "610802", "610802001"]


def test_a_point_in_baidu_coordinates_is_located_in_its_grid(as_staff, township_dispatcher):
    lon, lat = from_wgs84(109.71, 38.29, "bd09")
    found = as_staff(township_dispatcher).get("/areas/locate", {"longitude": lon, "latitude": lat, "system": "bd09"})
    assert found.status_code == 200
    assert found.json()["grid"]["code"] == "610802001001001"
    assert abs(found.json()["longitude"] - 109.71) < 1e-6


def test_areas_and_points_outside_the_scope_answer_404(as_staff, outsider):
    api = as_staff(outsider)
    assert api.get("/areas/610802001").status_code == 404
    assert api.get("/areas", {"parent": "610802001"}).status_code == 404
    assert api.get("/areas/locate", {"longitude": 109.71, "latitude": 38.29}).json()["code"] == "not_found"


def test_a_point_outside_every_grid_is_refused_with_its_reason(as_staff, township_dispatcher):
    answer = as_staff(township_dispatcher).get("/areas/locate", {"longitude": 116.4, "latitude": 39.9})
    assert answer.status_code == 422 and answer.json()["code"] == "outside"
    assert "网格" in answer.json()["details"]["location"]


def test_an_application_sees_only_its_own_area(as_application):
    api = as_application("610802002")
    assert [a["code"] for a in api.get("/areas").json()["items"]] == ["610802002"]
    assert api.get("/areas/610802001").status_code == 404
