"""A petition runs the one loop with its own steps: a leader takes it on, plans, visits, settles it, records
the petitioner's acknowledgement and closes it; every step is on the timeline and in the record."""

from django.utils import timezone

from civicgrid.cases.models import CaseEvent
from civicgrid.notifications.models import Notice
from civicgrid.petitions.models import Petition, Visit

from .conftest import settled, take


def test_a_petition_goes_from_its_leader_to_closed_with_the_petitioners_word(petition_case, leader, shift_lead):
    case = settled(petition_case, leader)
    assert case.status == "verified"
    today = timezone.localdate()
    case = take(case, "acknowledge_petition", leader, how="signed", on=today, words="补偿款已收到，没有意见了。")
    case = take(case, "close_petition", leader)
    assert case.status == "closed" and case.closed_at is not None
    record = Petition.objects.get(case=case)
    assert (record.leader, record.outcome, record.acknowledged_how) == (leader, "resolved", "signed")
    assert record.plan.startswith("协调镇政府") and record.acknowledged_words == "补偿款已收到，没有意见了。"
    assert Visit.objects.get(petition=record).place == "王家村"
    actions = list(CaseEvent.objects.filter(case=case).values_list("action", flat=True))
    assert actions[-6:] == ["assign_leader", "set_plan", "record_visit", "settle_petition", "acknowledge_petition",
                            "close_petition"]


def test_the_record_keeps_the_matter_as_filed_until_the_plan_restates_it(petition_case, leader):
    take(petition_case, "assign_leader", leader, leader=leader.pk)
    assert Petition.objects.get(case=petition_case).matter == "反映征地补偿款未足额发放"
    take(petition_case, "set_plan", leader, plan="先核对台账。", matter="要求补发2025年征地补偿差额。")
    take(petition_case, "set_plan", leader, plan="核对台账后补发差额。")
    record = Petition.objects.get(case=petition_case)
    assert (record.matter, record.plan) == ("要求补发2025年征地补偿差额。", "核对台账后补发差额。")
    replaced = CaseEvent.objects.filter(case=petition_case, action="set_plan").order_by("pk")
    assert [event.data["replaced"] for event in replaced] == [False, True]


def test_a_leader_assigned_by_the_centre_is_told_and_the_leader_can_be_replaced(petition_case, leader, county_leader,
                                                                              township_dispatcher,
                                                                              django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        take(petition_case, "assign_leader", township_dispatcher, leader=county_leader.pk)
    assert Notice.objects.filter(recipient=county_leader, case=petition_case).exists()
    take(petition_case, "assign_leader", township_dispatcher, leader=leader.pk)
    assert Petition.objects.get(case=petition_case).leader == leader


def test_backlog_is_marked_with_its_date_and_reason_and_cleared_with_a_note(petition_case, leader):
    since = timezone.localdate()
    take(petition_case, "mark_backlog", leader, since=since, reason="涉及多年历史遗留问题，多次协调未果。")
    record = Petition.objects.get(case=petition_case)
    assert (record.backlog, record.backlog_since) == (True, since)
    take(petition_case, "clear_backlog", leader, note="补偿方案已落实，销号。")
    record.refresh_from_db()
    assert (record.backlog, record.backlog_since, record.backlog_reason) == (False, None, "")
