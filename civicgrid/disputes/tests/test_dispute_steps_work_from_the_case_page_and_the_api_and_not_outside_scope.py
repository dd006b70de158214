"""Every dispute step is a registered step: offered on the case page with its inputs and taken from there,
taken through POST /api/v1/cases/{number}/actions (bad input a 422 naming the field), and refused outside
scope (the case a 404) with nothing written."""

import json

import pytest
from django.urls import reverse
from django.utils import timezone

from civicgrid.api import keys
from civicgrid.cases import registry
from civicgrid.cases.workflow import NotAllowed
from civicgrid.disputes.models import Dispute, Party
from civicgrid.disputes.services import KIND

from .conftest import VALID_ID, accepted, party, take


def through_api(client, user, case, **body):
    raw = keys.create_token(user, "tests")[1]
    return client.post(f"/api/v1/cases/{case.number}/actions", json.dumps(body), content_type="application/json",
                       HTTP_AUTHORIZATION=f"Bearer {raw}")


def test_every_dispute_step_is_limited_to_disputes():
    own = [step for step in registry.steps() if KIND in step.kinds]
    assert len(own) == 15 and all(step.kinds == {KIND} for step in own)
    assert not registry.step("close").applies_to(KIND) and registry.step("callback").applies_to(KIND)


def test_the_case_page_offers_the_mediators_steps_and_takes_them(client, dispute_case, mediator, village_committee):
    client.force_login(mediator)
    page = client.get(reverse("cases:detail", args=[dispute_case.number])).content.decode()
    assert 'data-action="accept_mediation"' in page and "鸳鸯湖社区人民调解委员会" in page
    assert 'data-action="record_session"' not in page
    client.post(reverse("cases:act", args=[dispute_case.number]),
                {"action": "accept_mediation", "version": dispute_case.version, "committee": village_committee.pk,
                 "method": "people"})
    page = client.get(reverse("cases:detail", args=[dispute_case.number])).content.decode()
    assert 'data-action="record_session"' in page and 'data-action="assign_mediators"' in page
    assert Dispute.objects.get(pk=dispute_case.pk).committee == village_committee


def test_the_api_takes_a_step_and_names_a_bad_field(client, dispute_case, grid_worker):
    bad = through_api(client, grid_worker, dispute_case, action="add_party",
                      params={"role": "applicant", "name": "张三", "id_number": VALID_ID[:-1] + "1"})
    assert bad.status_code == 422 and "id_number" in bad.json()["details"] and not Party.objects.exists()
    done = through_api(client, grid_worker, dispute_case, action="add_party",
                       params={"role": "applicant", "name": "张三", "id_number": VALID_ID})
    assert done.status_code == 200, done.content
    assert done.json()["event"]["label"] == "添加当事人" and Party.objects.get().name == "张三"


def test_outside_scope_the_steps_are_refused_and_the_case_not_found(client, dispute_case, outsider,
                                                                     other_committee):
    with pytest.raises(NotAllowed):
        take(dispute_case, "accept_mediation", outsider, committee=other_committee.pk)
    answer = through_api(client, outsider, dispute_case, action="add_party", params={"role": "applicant", "name": "甲"})
    assert answer.status_code == 404
    client.force_login(outsider)
    assert client.get(reverse("cases:detail", args=[dispute_case.number])).status_code == 404
    assert not Dispute.objects.exists()


def test_the_case_page_shows_the_record_parties_masked_and_the_agreement(client, dispute_case, mediator,
                                                                         village_committee, grid_worker):
    party(dispute_case, grid_worker)
    case = accepted(dispute_case, mediator, village_committee)
    take(case, "record_session", mediator, held_at=timezone.now().isoformat(), place="社区调解室",
         participants="张三", minutes="调解成功")
    take(case, "reach_agreement", mediator, facts="漏水", terms="修复", signed_on=str(timezone.localdate()))
    client.force_login(mediator)
    page = client.get(reverse("cases:detail", args=[case.number])).content.decode()
    assert "张*" in page and "110105********002X" in page and "138****8000" in page
    assert VALID_ID not in page and "13800138000" not in page and "鸳鸯湖小区3号楼" not in page
    assert "社区调解室" in page and "鸳鸯湖调字第0001号" in page and reverse("disputes:agreement", args=[case.number]) in page
