"""Bad input on a talk day: each bad line of the matters is named with what is wrong (unknown category, bad
phone, missing columns, an empty title), and none of the matters is filed; a schedule without its place or
host, or twice on one day, is refused field by field."""

import pytest

from civicgrid.cases.models import Case
from civicgrid.cases.workflow import InvalidInput
from civicgrid.disputes import talkdays
from civicgrid.disputes.models import TalkDay

from .rhythm_fixtures import held_today

BAD = ("楼道堆放杂物 | 邻里纠纷 | 三楼住户在楼道堆放杂物。\n"
       "噪音扰民 | 没有这个分类 | 楼下广场舞声音太大。\n"
       "土地界址争议 | 邻里纠纷 | 两户因宅基地边界争执。 | 李四 | 12345\n"
       "只有两栏 | 邻里纠纷\n"
       " | 邻里纠纷 | 没有标题的事项。\n")


@pytest.fixture
def talk_day(yulin, intake_clerk):
    return held_today(yulin, intake_clerk)


def test_every_bad_line_is_named_and_nothing_is_filed(talk_day, intake_clerk):
    with pytest.raises(talkdays.TalkDayError) as refused:
        talkdays.file_matters(intake_clerk, talk_day, BAD)
    errors = refused.value.errors
    assert set(errors) == {"第 2 行", "第 3 行", "第 4 行", "第 5 行"}
    assert "没有名为“没有这个分类”的启用分类" in errors["第 2 行"]
    assert "手机" in errors["第 3 行"] or "电话" in errors["第 3 行"]
    assert "这一行有 2 栏" in errors["第 4 行"] and "请填写标题" in errors["第 5 行"]
    talk_day.refresh_from_db()
    assert not Case.objects.exists() and not talk_day.held


def test_the_page_shows_each_line_and_keeps_what_was_typed(client, talk_day, intake_clerk):
    client.force_login(intake_clerk)
    answer = client.post(f"/disputes/talk-days/{talk_day.pk}/", {"matters": BAD})
    page = answer.content.decode()
    assert answer.status_code == 400 and "有 4 处需要修改，事项都没有录入" in page
    assert "第 3 行" in page and "土地界址争议" in page
    assert not Case.objects.exists()


def test_an_empty_list_asks_for_a_matter(talk_day, intake_clerk):
    with pytest.raises(InvalidInput) as refused:
        talkdays.file_matters(intake_clerk, talk_day, "\n  \n")
    assert refused.value.errors == {"matters": "请至少填写一项群众所提事项。"}


def test_a_schedule_needs_its_date_place_and_host_once_a_day(yulin, intake_clerk, talk_day):
    with pytest.raises(InvalidInput) as refused:
        talkdays.schedule(intake_clerk, yulin["community_a"], None, " ", "")
    assert set(refused.value.errors) == {"held_on", "place", "host"}
    with pytest.raises(InvalidInput, match="已安排了群众说事日"):
        talkdays.schedule(intake_clerk, yulin["community_a"], talk_day.held_on, "广场", "刘书记")
    with pytest.raises(InvalidInput, match="不是村（社区）"):
        talkdays.schedule(intake_clerk, yulin["township_a"], talk_day.held_on, "广场", "刘书记")
    assert TalkDay.objects.count() == 1


def test_the_schedule_form_answers_with_its_fields(client, yulin, intake_clerk):
    client.force_login(intake_clerk)
    answer = client.post("/disputes/talk-days/", {"village": yulin["community_a"].pk, "held_on": "", "place": "广场"})
    assert answer.status_code == 400 and "请填写主持人" in answer.content.decode()
    assert not TalkDay.objects.exists()
