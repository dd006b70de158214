"""A party's name, ID number, address and phone are masked on every page; their full details are shown to
mediators and centre staff who give a reason, written to the access log first; without a reason nothing is
shown or logged; a grid worker may not; outside scope the party is not found."""

from django.urls import reverse

from civicgrid.core.models import AccessLog
from civicgrid.disputes.models import Party

from .conftest import VALID_ID, party


def url(case):
    return reverse("disputes:party", args=[case.number, Party.objects.get().pk])


def test_the_full_details_need_a_reason_and_are_logged(client, dispute_case, grid_worker, mediator):
    party(dispute_case, grid_worker)
    client.force_login(mediator)
    masked = client.get(url(dispute_case)).content.decode()
    assert VALID_ID not in masked and "110105********002X" in masked and not AccessLog.objects.exists()
    refused = client.post(url(dispute_case), {"reason": " "}).content.decode()
    assert "请填写查看理由" in refused and VALID_ID not in refused and not AccessLog.objects.exists()
    shown = client.post(url(dispute_case), {"reason": "电话通知调解时间"})
    assert VALID_ID in shown.content.decode() and "13800138000" in shown.content.decode()
    assert "no-store" in shown["Cache-Control"]
    entry = AccessLog.objects.get()
    assert (entry.record_type, entry.record_key, entry.reason) == ("disputes.party", dispute_case.number, "电话通知调解时间")


def test_a_grid_worker_may_not_and_an_outsider_does_not_find_it(client, dispute_case, grid_worker, outsider):
    party(dispute_case, grid_worker)
    client.force_login(grid_worker)
    assert client.post(url(dispute_case), {"reason": "好奇"}).status_code == 403
    client.force_login(outsider)
    assert client.post(url(dispute_case), {"reason": "好奇"}).status_code == 404
    assert not AccessLog.objects.exists()
