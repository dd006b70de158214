"""调解协议书 are numbered in each committee's series for the year; oral agreements have their own series."""

from django.utils import timezone

from civicgrid.disputes.models import Agreement

from .conftest import accepted, party, take


def agree(case, mediator, action="reach_agreement"):
    take(case, action, mediator, facts="纠纷", terms="和解", signed_on=str(timezone.localdate()))


def second_case(neighbour_disputes, grid_worker, intake_clerk):
    from civicgrid.cases.intake import file_case
    from civicgrid.testing import factories

    case = file_case(factories.report(neighbour_disputes, title="宅基地纠纷", channel="grid_worker"), grid_worker)
    return take(case, "register", intake_clerk)


def test_each_committee_counts_its_own_series(dispute_case, mediator, village_committee, grid_worker,
                                              neighbour_disputes, intake_clerk):
    year = timezone.localdate().year
    cases = [dispute_case, second_case(neighbour_disputes, grid_worker, intake_clerk),
             second_case(neighbour_disputes, grid_worker, intake_clerk)]
    for case in cases:
        party(case, grid_worker)
        accepted(case, mediator, village_committee)
    agree(cases[0], mediator)
    agree(cases[1], mediator, "oral_agreement")
    agree(cases[2], mediator)
    numbers = [Agreement.objects.get(dispute_id=case.pk).number for case in cases]
    assert numbers == [f"（{year}）鸳鸯湖调字第0001号", f"（{year}）鸳鸯湖口协第0001号", f"（{year}）鸳鸯湖调字第0002号"]
