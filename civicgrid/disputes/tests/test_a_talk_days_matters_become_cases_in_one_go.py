"""群众说事日: the village's staff schedule it; after it, the matters raised, entered one a line, are filed as
cases together through the intake's batch path (来访, in the chosen grid of the village, 待受理)."""

from datetime import timedelta

import pytest
from django.utils import timezone

from civicgrid.cases.choices import Channel, Status
from civicgrid.cases.models import Case, CaseEvent
from civicgrid.cases.workflow import InvalidInput, NotAllowed
from civicgrid.disputes import talkdays
from civicgrid.disputes.models import TalkDay

from .rhythm_fixtures import held_today, types

MATTERS = ("楼道堆放杂物 | 邻里纠纷 | 三楼住户在楼道堆放杂物，邻居多次协商未果。 | 王大妈 | 13800138001\n"
           "\n"
           "婚后财产争议\t60.002\t夫妻双方就房产归属发生争执。\n")


@pytest.fixture
def talk_day(yulin, intake_clerk):
    return held_today(yulin, intake_clerk)


def test_the_matters_are_filed_as_cases_of_the_talk_day(client, talk_day, intake_clerk, yulin):
    client.force_login(intake_clerk)
    answer = client.post(f"/disputes/talk-days/{talk_day.pk}/", {"matters": MATTERS}, follow=True)
    assert "已将 2 项事项登记为案件" in answer.content.decode()
    cases = list(Case.objects.order_by("pk"))
    assert [(c.title, c.category.name, c.kind, c.channel, c.status, c.area) for c in cases] == [
        ("楼道堆放杂物", "邻里纠纷", "dispute", Channel.WALK_IN, Status.REPORTED, yulin["grid_a"]),
        ("婚后财产争议", "婚姻家庭", "dispute", Channel.WALK_IN, Status.REPORTED, yulin["grid_a"])]
    assert (cases[0].reporter_name, cases[0].reporter_phone) == ("王大妈", "13800138001")
    assert CaseEvent.objects.filter(action="report").count() == 2
    talk_day.refresh_from_db()
    assert talk_day.held and list(talk_day.cases.order_by("pk")) == cases


def test_the_matters_are_entered_once(talk_day, intake_clerk):
    talkdays.file_matters(intake_clerk, talk_day, MATTERS)
    with pytest.raises(InvalidInput, match="不能重复录入"):
        talkdays.file_matters(intake_clerk, talk_day, MATTERS)
    assert Case.objects.count() == 2


def test_a_talk_day_to_come_takes_no_matters_yet(yulin, intake_clerk):
    types()
    later = talkdays.schedule(intake_clerk, yulin["community_a"], timezone.localdate() + timedelta(days=3), "广场", "刘书记")
    with pytest.raises(InvalidInput, match="还没有举行"):
        talkdays.file_matters(intake_clerk, later, MATTERS)
    assert not Case.objects.exists()


def test_only_the_villages_own_staff_run_it(talk_day, outsider, grid_worker, yulin):
    for someone in (outsider, grid_worker):
        with pytest.raises(NotAllowed):
            talkdays.file_matters(someone, talk_day, MATTERS)
        with pytest.raises(NotAllowed):
            talkdays.schedule(someone, yulin["community_a"], timezone.localdate(), "广场", "刘书记")
    assert not Case.objects.exists() and TalkDay.objects.count() == 1


def test_the_talk_day_of_another_township_is_not_found(client, talk_day, outsider):
    client.force_login(outsider)
    assert client.get(f"/disputes/talk-days/{talk_day.pk}/").status_code == 404
    assert client.post(f"/disputes/talk-days/{talk_day.pk}/", {"matters": MATTERS}).status_code == 404
    assert not Case.objects.exists()
