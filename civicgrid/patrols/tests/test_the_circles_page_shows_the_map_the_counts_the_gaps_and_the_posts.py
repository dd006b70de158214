"""The circles page of an area: its counts per child, the gaps (grids beyond 5 minutes, most households first),
its posts, the speeds and how reach is measured; the map's data: grids coloured by circle, posts with radii."""

import pytest

from civicgrid.patrols import circles

from .circles_helpers import POINT_A, post, set_units


@pytest.fixture
def station(yulin):
    set_units(yulin["grid_b"], 30)
    # 4.4 km west of grid A (8.7 minutes), registered in township B's grid: the post nearest to both.
    found = post("鼓楼警务站", "station", POINT_A[0] - 0.05, POINT_A[1], grid="610802002001001")
    circles.refresh()
    return found


def test_the_menu_leads_a_leader_to_their_citys_circles(client, leader, station):
    client.force_login(leader)
    assert "快反处置圈" in client.get("/").content.decode()
    assert client.get("/patrols/circles/")["Location"] == "/patrols/circles/6108/"


def test_the_page_lists_counts_gaps_posts_and_speeds(client, leader, station):
    client.force_login(leader)
    html = client.get("/patrols/circles/610802/").content.decode()
    assert 'id="circle-counts"' in html and 'id="circles-map"' in html and 'id="try-form"' in html
    gaps = html[html.index('id="gaps"'):html.index('id="posts"')]
    assert gaps.index("青山路第1网格") < gaps.index("鸳鸯湖第1网格")  # 30 households before none
    assert "鼓楼警务站" in html[html.index('id="posts"'):]
    assert "警务站：30.0 公里/小时（1、3、5 分钟约 500、1500、2500 米）" in html
    assert "直线距离 ÷ 该类点位的出警速度" in html


def test_the_map_has_each_grid_with_its_circle_and_each_post_with_its_radii(client, leader, station):
    client.force_login(leader)
    data = client.get("/patrols/circles/610802/map.json").json()
    assert sorted(row[0] for row in data["areas"]) == ["610802001001001", "610802002001001"]
    assert {row[4] for row in data["areas"]} == {9}
    assert set(data["outlines"]) == {"610802001001001", "610802002001001"}
    assert data["outlines"]["610802001001001"]["type"] == "Polygon"
    assert data["posts"] == [{"id": station.pk, "name": "鼓楼警务站", "kind": "警务站", "lon": POINT_A[0] - 0.05,
                              "lat": POINT_A[1], "radii": [500.0, 1500.0, 2500.0]}]


def test_a_township_map_shows_the_post_outside_it_that_serves_it(client, township_dispatcher, station):
    client.force_login(township_dispatcher)
    data = client.get("/patrols/circles/610802001/map.json").json()
    assert [found["name"] for found in data["posts"]] == ["鼓楼警务站"]
