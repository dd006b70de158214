"""办结 has the 60 days of the 信访工作条例: the record's clock runs from the day the petition came in, and the
leader's pages light it yellow after 80 % of the time and red after the date."""

from datetime import timedelta

from django.utils import timezone

from civicgrid.cases import registry
from civicgrid.petitions.models import Petition

from .conftest import take


def test_the_settle_by_date_is_sixty_days_after_the_petition_came_in(petition_case, leader):
    take(petition_case, "assign_leader", leader, leader=leader.pk)
    record = Petition.objects.get(case=petition_case)
    assert record.due_at == petition_case.reported_at + timedelta(days=60)
    assert registry.kind("petition").limits["settle"] == (60, "natural_days")


def test_the_light_is_green_then_yellow_then_red_and_none_once_settled(petition_case, leader):
    take(petition_case, "assign_leader", leader, leader=leader.pk)
    record = Petition.objects.get(case=petition_case)
    filed = petition_case.reported_at
    assert [record.light(filed + timedelta(days=d)) for d in (10, 50, 61)] == ["green", "yellow", "red"]
    take(petition_case, "settle_petition", leader, outcome="resolved", account="已解决。")
    record.refresh_from_db()
    assert record.light(filed + timedelta(days=61)) == "none"


def test_settling_moves_the_case_to_its_close_with_a_clock_of_its_own(petition_case, leader):
    case = take(petition_case, "settle_petition", leader, outcome="resolved", account="已解决。")
    assert case.status == "verified" and case.due_at > timezone.now()


def test_a_registered_petition_waits_for_its_leader_not_for_a_requests_dispatch_limit(petition_case):
    assert petition_case.due_at == petition_case.started_at + timedelta(days=60)
