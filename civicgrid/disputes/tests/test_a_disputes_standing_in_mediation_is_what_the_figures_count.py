from django.utils import timezone

from civicgrid.cases.models import Case
from civicgrid.dashboards.figures import Period, Where, sums
from civicgrid.disputes.services import FACET
from civicgrid.disputes.tests.conftest import accepted, take


def test_a_dispute_moves_from_unaccepted_to_mediating_to_failed_and_the_success_rate_follows(
        dispute_case, mediator, village_committee):
    assert Case.objects.get(pk=dispute_case.pk).facet == ""  # no record yet: counted with the unaccepted
    accepted(dispute_case, mediator, village_committee)
    assert dispute_case.facet == "mediating"
    take(dispute_case, "fail_mediation", mediator, note="双方分歧过大", route="litigation")
    assert dispute_case.facet == "failed"
    today = timezone.localdate()
    rows = sums(Where("6108", filters={"kind": "dispute"}), Period(today.replace(day=1), today), by=["facet"])
    counts = {row["facet"]: row["cases"] for row in rows if row["cases"]}
    _label, counted, over = FACET.rate
    assert counts == {"failed": 1}
    assert sum(counts.get(code, 0) for code in counted) == 0 and sum(counts.get(code, 0) for code in over) == 1
