"""Centre staff, leaders and administrators see the circles where their roles reach; others are refused
(403), and any area outside their reach is a 404. Leaders, shift leads and administrators place and remove
posts where their node reaches; a dispatcher may try a post but not save it."""

import pytest
from django.core.exceptions import PermissionDenied
from django.http import Http404

from civicgrid.patrols import posts
from civicgrid.patrols.models import ResponsePost

from .circles_helpers import POINT_A, POINT_B, post

STATION_AT_A = posts.Draft("鼓楼警务站", "station", *POINT_A)


def test_a_grid_worker_has_no_circles(grid_worker):
    with pytest.raises(PermissionDenied):
        posts.circles_area(grid_worker)


def test_a_dispatcher_sees_their_township_and_nothing_else(township_dispatcher, yulin):
    assert posts.circles_area(township_dispatcher) == yulin["township_a"]
    for code in ("610802002", "610802", "610802001001001"):  # the other township, above, a grid
        with pytest.raises(Http404):
            posts.circles_area(township_dispatcher, code)


def test_a_dispatcher_may_try_but_not_place(township_dispatcher, yulin):
    posts.trial(township_dispatcher, yulin["township_a"], STATION_AT_A)
    with pytest.raises(posts.PostRefused, match="无权"):
        posts.place(township_dispatcher, STATION_AT_A)
    assert not ResponsePost.objects.exists()


def test_a_shift_lead_places_in_their_township_only(shift_lead):
    posts.place(shift_lead, STATION_AT_A)
    with pytest.raises(posts.PostRefused, match="无权"):
        posts.place(shift_lead, posts.Draft("青山路快反点", "quick", *POINT_B))
    assert list(ResponsePost.objects.values_list("name", flat=True)) == ["鼓楼警务站"]


def test_removing_a_post_outside_reach_is_a_404_and_a_viewer_may_not(yulin, outsider, township_dispatcher):
    station = post("鼓楼警务站", "station", *POINT_A)
    with pytest.raises(Http404):
        posts.remove(outsider, station)
    with pytest.raises(PermissionDenied):
        posts.remove(township_dispatcher, station)
    assert ResponsePost.objects.filter(pk=station.pk).exists()


def test_on_the_page_an_outsider_gets_404_and_removes_nothing(client, yulin, outsider):
    station = post("鼓楼警务站", "station", *POINT_A)
    client.force_login(outsider)
    assert client.get("/patrols/circles/610802001/").status_code == 404
    assert client.post(f"/patrols/posts/{station.pk}/remove/", {"area": "610802002"}).status_code == 404
    assert ResponsePost.objects.filter(pk=station.pk).exists()
