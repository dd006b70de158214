"""Withdrawing a service in the admin takes effect at once: clients are told by discovery's changeset, and
no request is filed under its code any more, even while reference data is being kept."""

from datetime import timedelta

from django.utils import timezone

from civicgrid.open311.models import Service
from civicgrid.open311.services import set_published

from .support import post


def test_withdrawing_stops_filing_and_moves_the_changeset(client, filing, settings):
    settings.CIVICGRID_REFERENCE_RECHECK_S = 300
    assert post(client, "requests", filing).status_code == 200  # the service is now kept in this process
    Service.objects.update(updated_at=timezone.now() - timedelta(days=1))
    before = client.get("/open311/v2/discovery.json").json()["changeset"]
    set_published(Service.objects.all(), False)
    assert client.get("/open311/v2/discovery.json").json()["changeset"] > before
    refused = post(client, "requests", filing)
    assert refused.status_code == 400 and "litter" in refused.json()[0]["description"]


def test_the_admin_actions_use_it(admin_client, service):
    admin_client.post("/admin/open311/service/", {"action": "withdraw", "_selected_action": [service.pk]})
    assert not Service.objects.get(pk=service.pk).published
