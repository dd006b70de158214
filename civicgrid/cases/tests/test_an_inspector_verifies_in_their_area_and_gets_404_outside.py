"""监督员 (GB/T 30428) verify on site beside grid workers and grid heads, wherever the area they are assigned to
reaches; outside it a case does not exist for them."""

import pytest
from django.urls import reverse

from civicgrid.cases.intake import file_case
from civicgrid.cases.models import Case, CaseEvent
from civicgrid.cases.services import transition
from civicgrid.cases.workflow import NotAllowed
from civicgrid.notifications.models import Notice
from civicgrid.testing import factories


def test_an_inspector_verifies_a_handled_case_of_their_community_from_the_case_page(client, loop, inspector):
    loop.to("handled")
    client.force_login(inspector)
    page = client.get(reverse("cases:detail", args=[loop.case.number]))
    assert 'data-action="verify"' in page.content.decode() and 'data-action="reject"' in page.content.decode()

    client.post(reverse("cases:act", args=[loop.case.number]), {"action": "verify", "version": loop.case.version})
    loop.case.refresh_from_db()
    assert loop.case.status == "verified"
    event = CaseEvent.objects.get(case=loop.case, action="verify")
    assert event.actor == inspector and event.actor_label == "鸳鸯湖社区居委会监督员"


def test_an_inspector_is_told_when_a_case_of_their_community_is_handled(loop, inspector,
                                                                         django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        loop.to("handled")
    assert Notice.objects.filter(recipient=inspector, case=loop.case, text__contains="请现场核查").exists()


def test_a_case_outside_the_inspectors_area_is_not_found_and_cannot_be_verified(client, inspector, street_litter):
    elsewhere = file_case(factories.report(street_litter, point=(109.73, 38.29)))  # grid B, township B
    Case.objects.filter(pk=elsewhere.pk).update(status="handled")
    client.force_login(inspector)
    assert client.get(reverse("cases:detail", args=[elsewhere.number])).status_code == 404
    posted = client.post(reverse("cases:act", args=[elsewhere.number]), {"action": "verify", "version": 1})
    assert posted.status_code == 404
    with pytest.raises(NotAllowed):
        transition(elsewhere, "verify", inspector)
    assert Case.objects.get(pk=elsewhere.pk).status == "handled"
