"""A case closed without a callback (无需回访) is finished: it leaves 待回访, is neither rated nor waiting for a
callback in the queue's counts or the API, reads as closed to Open311 clients and is never marked late."""

from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

from civicgrid.cases import sweep
from civicgrid.cases.intake import file_case
from civicgrid.cases.models import Case
from civicgrid.cases.services import transition
from civicgrid.open311.services import open_or_closed
from civicgrid.testing import factories


def test_only_the_case_with_a_phone_waits_for_its_callback(client, loop, grid_worker, intake_clerk, street_litter):
    loop.to("closed")  # the resident's report: a phone to call back on
    waiting = loop.case
    loop.case = file_case(factories.report(street_litter, channel="grid_worker", reporter_phone=""), grid_worker)
    loop.to("closed")
    transition(loop.case, "no_callback", intake_clerk, note="网格员巡查发现，无诉求人")

    client.force_login(intake_clerk)
    page = client.get(reverse("cases:queue"), {"status": "closed", "centre": "all"})
    assert [case.number for case in page.context["page"]] == [waiting.number]
    counts = page.context["found"].status_counts
    assert (counts.get("closed"), counts.get("no_callback"), counts.get("rated")) == (1, 1, None)
    assert Case.objects.filter(status="closed").count() == 1 and open_or_closed("no_callback") == "closed"


def test_the_sweep_never_marks_it_late(loop, grid_worker, intake_clerk, street_litter):
    loop.case = file_case(factories.report(street_litter, channel="grid_worker", reporter_phone=""), grid_worker)
    loop.to("closed")
    transition(loop.case, "no_callback", intake_clerk, note="无诉求人")
    sweep.run(now=timezone.now() + timedelta(days=60))
    loop.case.refresh_from_db()
    assert not loop.case.overdue and loop.case.due_at is None
    assert not loop.case.events.filter(action="overdue").exists()
