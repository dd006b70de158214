"""Placing a post checks what it is and where: a point outside every grid of the city, outside China, no point
at all, no name or an unknown kind is refused with a sentence saying why, and nothing is saved or measured."""

import pytest

from civicgrid.patrols import posts
from civicgrid.patrols.models import AreaReach, ResponsePost


def draft(**values) -> posts.Draft:
    return posts.Draft(**{"name": "鼓楼警务站", "kind": "station", "lon": 109.71, "lat": 38.29, **values})


@pytest.mark.parametrize(("values", "message"), [
    ({"lon": 108.95, "lat": 34.27}, "不在榆阳区的任何网格内（在本市以外）"),  # 西安: in China, not in the city
    ({"lon": 2.35, "lat": 48.86}, "不在中国境内"),
    ({"lon": 38.29, "lat": 109.71}, "经纬度似乎填反了"),
    ({"lon": "", "lat": ""}, "请在地图上点选点位的位置"),
    ({"lon": "东经", "lat": "北纬"}, "请在地图上点选点位的位置"),
    ({"name": "  "}, "请填写点位名称"),
    ({"name": "站" * 101}, "最多 100 个字"),
    ({"kind": "helicopter"}, "请选择点位类型"),
])
def test_a_bad_post_is_refused_with_the_reason(leader, values, message):
    with pytest.raises(posts.PostRefused) as refused:
        posts.place(leader, draft(**values))
    assert message in refused.value.message
    assert not ResponsePost.objects.exists() and not AreaReach.objects.exists()


def test_from_the_page_the_refusal_is_a_message_and_nothing_is_saved(client, leader):
    client.force_login(leader)
    answer = client.post("/patrols/circles/610802/posts/", {"name": "城外点", "kind": "station", "lon": "108.95",
                                                             "lat": "34.27"}, follow=True)
    assert "在本市以外" in answer.content.decode()
    assert not ResponsePost.objects.exists()


def test_a_good_post_is_saved_in_its_grid_and_measured(leader):
    post = posts.place(leader, draft())
    assert post.area.code == post.area_code == "610802001001001" and post.created_by == leader
    assert AreaReach.objects.get(code="610802001001001").post == post
