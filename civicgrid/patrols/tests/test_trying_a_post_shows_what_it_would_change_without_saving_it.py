"""试算: a post tried on the map gives the counts before and after and the grids it brings into a closer circle,
and saves nothing; the leader then saves it, and the stored circles become what the trial showed."""

import re

import pytest

from civicgrid.patrols import circles, posts
from civicgrid.patrols.models import AreaReach, ResponsePost

from .circles_helpers import POINT_A, POINT_B, post, set_units


@pytest.fixture
def station_at_a(yulin):
    """A station on grid A's point; grid B's point is 1,745 m east of it: 3.5 minutes, within 5."""
    set_units(yulin["grid_a"], 40, 60)
    set_units(yulin["grid_b"], 30)
    found = post("鼓楼警务站", "station", *POINT_A)
    circles.refresh()
    return found


def test_a_trial_changes_the_counts_and_names_the_grids_it_brings_closer(station_at_a, yulin, leader):
    trial = posts.trial(leader, yulin["county"], posts.Draft("", "quick", POINT_B[0], POINT_B[1] + 0.001))
    assert trial.changed == [("610802002001001", 1)]
    assert [(c.grids, c.households) for c in trial.before.total.cells] == [(1, 100), (1, 100), (2, 130)]
    assert [(c.grids, c.households) for c in trial.after.total.cells] == [(2, 130), (2, 130), (2, 130)]
    assert trial.radii == pytest.approx([600, 1800, 3000])


def test_a_trial_saves_nothing(station_at_a, yulin, leader):
    before = list(AreaReach.objects.order_by("code").values_list("code", "circle", "minutes"))
    posts.trial(leader, yulin["county"], posts.Draft("", "quick", *POINT_B))
    assert ResponsePost.objects.count() == 1
    assert list(AreaReach.objects.order_by("code").values_list("code", "circle", "minutes")) == before


def test_saving_the_tried_post_stores_what_the_trial_showed(station_at_a, yulin, leader):
    tried = posts.trial(leader, yulin["county"], posts.Draft("", "quick", POINT_B[0], POINT_B[1] + 0.001))
    posts.place(leader, posts.Draft("青山路快反点", "quick", POINT_B[0], POINT_B[1] + 0.001))
    stored = circles.counts(yulin["county"])
    assert [(c.grids, c.households) for c in stored.total.cells] == [(c.grids, c.households)
                                                                    for c in tried.after.total.cells]


def test_a_trial_outside_the_city_is_refused(station_at_a, yulin, leader):
    with pytest.raises(posts.PostRefused, match="在本市以外"):
        posts.trial(leader, yulin["county"], posts.Draft("", "quick", 108.95, 34.27))


def test_on_the_page_a_trial_answers_with_the_totals_before_and_after_and_the_grids_to_redraw(station_at_a, client,
                                                                                            leader):
    client.force_login(leader)
    answer = client.post("/patrols/circles/610802/try/", {"kind": "quick", "lon": POINT_B[0], "lat": POINT_B[1]})
    html = answer.content.decode()
    assert answer.status_code == 200
    one_minute = html[html.index('data-circle="1"'):html.index('data-circle="3"')]
    assert re.findall(r"<td[^>]*>(\d+)</td>", one_minute) == ["1", "100", "2", "130"]
    assert 'id="save-post"' in html
    assert "&quot;changed&quot;: [[&quot;610802002001001&quot;, 1]]" in html
    assert ResponsePost.objects.count() == 1


def test_on_the_page_a_bad_trial_is_a_message(station_at_a, client, leader):
    client.force_login(leader)
    answer = client.post("/patrols/circles/610802/try/", {"kind": "quick", "lon": "", "lat": ""})
    assert 'id="trial-error"' in answer.content.decode()
