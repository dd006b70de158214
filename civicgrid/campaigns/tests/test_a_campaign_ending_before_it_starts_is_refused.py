"""A campaign whose end date is before its start is refused with a sentence naming both dates, on the form and
in the service, and nothing is saved."""

from datetime import date

import pytest
from django.urls import reverse

from civicgrid.campaigns.models import Campaign, Target
from civicgrid.campaigns.services import CampaignError, create

from .conftest import draft


def test_the_service_refuses_naming_the_end_date(yulin, township_dispatcher):
    with pytest.raises(CampaignError) as refused:
        create(township_dispatcher, draft(yulin, starts_on=date(2026, 6, 30), ends_on=date(2026, 6, 1)))
    assert "结束日期（2026-06-01）不能早于开始日期（2026-06-30）" in refused.value.message
    assert "ends_on" in refused.value.errors
    assert not Campaign.objects.exists() and not Target.objects.exists()


def test_the_form_shows_the_reason_and_saves_nothing(client, yulin, township_dispatcher):
    client.force_login(township_dispatcher)
    page = client.post(reverse("campaigns:new"), {
        "name": "安全隐患大排查", "starts_on": "2026-06-30", "ends_on": "2026-06-01", "kinds": "hazard",
        f"target-{yulin['community_a'].code}": "3"})
    assert page.status_code == 200 and "不能早于开始日期" in page.content.decode()
    assert not Campaign.objects.exists()


def test_one_day_is_a_campaign(yulin, township_dispatcher):
    campaign = create(township_dispatcher, draft(yulin, starts_on=date(2026, 6, 1), ends_on=date(2026, 6, 1)))
    assert campaign.targets.get().target == 4
