"""调解员库: the committees in the user's scope with their mediators' kind, specialities and current load (open
disputes in charge); another township's pool is not shown; the assign form orders the pool by load."""

from django.urls import reverse

from civicgrid.disputes import choices as c
from civicgrid.disputes.models import Mediator
from civicgrid.disputes.services import mediators_context, pool

from .conftest import accepted


def test_the_pool_counts_open_disputes(client, dispute_case, mediator, second_mediator, village_committee,
                                      other_committee, township_dispatcher):
    Mediator.objects.create(name="青山调解员", committee=other_committee, kind=c.MediatorKind.PART_TIME)
    accepted(dispute_case, mediator, village_committee)
    loads = {m.name: m.load for m in pool(township_dispatcher)}
    assert loads == {"王调解": 1, "李五老": 0}
    client.force_login(township_dispatcher)
    page = client.get(reverse("disputes:pool")).content.decode()
    assert "王调解" in page and "婚姻家庭、土地" in page and "“五老”志愿者" in page and "青山调解员" not in page
    assert [m.name for m in mediators_context(mediator, dispute_case, [])["pool"]] == ["李五老", "王调解"]
