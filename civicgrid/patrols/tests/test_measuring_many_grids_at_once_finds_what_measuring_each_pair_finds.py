"""``quickest`` measures every area against every post at once (the nearest post of each kind by a matrix
product, then the kinds compared): it finds, for random areas and posts across a city, exactly what measuring
each pair with the haversine formula and taking the smallest time finds."""

import numpy as np
import pytest

from civicgrid.patrols import circles

KMH = {"station": 30.0, "office": 18.0, "quick": 36.0}


def one_by_one(lon, lat, posts):
    times = [circles.distance_m(lon, lat, p_lon, p_lat) / circles.metres_per_minute(KMH[kind])
             for kind, p_lon, p_lat in zip(posts.kinds, posts.lons, posts.lats)]
    return int(np.argmin(times)), float(np.min(times))


def test_the_quickest_post_of_each_area_is_the_one_pair_by_pair_finds():
    rng = np.random.default_rng(7)
    lons, lats = rng.uniform(108.9, 110.9, 400), rng.uniform(37.5, 39.3, 400)
    kinds = rng.choice(list(KMH), 60)
    posts = circles.Posts(np.arange(60), kinds.astype(object), rng.uniform(108.9, 110.9, 60),
                          rng.uniform(37.5, 39.3, 60))
    found = circles.quickest(lons, lats, posts, KMH)
    for i in range(len(lons)):
        post, minutes = one_by_one(lons[i], lats[i], posts)
        assert found.post[i] == post
        assert found.minutes[i] == pytest.approx(minutes, rel=1e-9)


def test_with_no_posts_every_area_has_no_time_and_is_beyond():
    empty = circles.Posts.of([])
    found = circles.quickest([109.7], [38.3], empty, KMH)
    assert found.post.tolist() == [-1] and np.isnan(found.minutes[0]) and found.circles.tolist() == [9]
