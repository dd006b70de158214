"""Campaigns are set up by administrators and centre staff, over areas their role reaches; the check is the
service's, so every caller meets it. Others are refused with a sentence (the form's page is a 404 to them)."""

import pytest
from django.urls import reverse

from civicgrid.campaigns.models import Campaign
from civicgrid.campaigns.services import CampaignError, create

from .conftest import draft


def test_centre_staff_and_administrators_may(yulin, township_dispatcher, administrator):
    create(township_dispatcher, draft(yulin))
    create(administrator, draft(yulin, area=yulin["county"], targets={yulin["township_a"]: 9, yulin["township_b"]: 7}))
    assert Campaign.objects.count() == 2


def test_a_grid_worker_may_not(client, yulin, grid_worker):
    with pytest.raises(CampaignError, match="只有系统管理员或综治中心工作人员"):
        create(grid_worker, draft(yulin))
    client.force_login(grid_worker)
    assert client.get(reverse("campaigns:new")).status_code == 404
    assert not Campaign.objects.exists()


def test_another_townships_dispatcher_may_not_organise_or_target_township_a(yulin, outsider):
    with pytest.raises(CampaignError):
        create(outsider, draft(yulin))
    with pytest.raises(CampaignError, match="不在行动的组织区域或您的负责范围内"):
        create(outsider, draft(yulin, area=yulin["township_b"]))
    assert not Campaign.objects.exists()


def test_it_needs_a_kind_or_a_category_and_a_target(yulin, township_dispatcher):
    with pytest.raises(CampaignError, match="请至少选择一种事项类型或一个事项分类"):
        create(township_dispatcher, draft(yulin, kinds=[]))
    with pytest.raises(CampaignError, match="请至少为一个区域填写目标件数"):
        create(township_dispatcher, draft(yulin, targets={}))
    assert not Campaign.objects.exists()
