"""Every case passes through several open states, leaving rows of the figures that no case counts on any more.
The nightly purge deletes those rows of the open states, and only those: every figure and what is open now
stay as they were, and a case filed onto a purged row writes it anew."""

from django.db.models import Sum
from django.utils import timezone

from civicgrid.cases import tally
from civicgrid.cases.choices import OPEN_STATUSES
from civicgrid.cases.models import Case, Tally
from civicgrid.cases.services import transition
from civicgrid.cases.tasks import purge_emptied_figures
from civicgrid.dashboards.figures import Where, open_now

CITY = "610802"


def emptied():
    return Tally.objects.filter(status__in=OPEN_STATUSES, cases=0)


def totals() -> dict:
    return {row["cube"]: row for row in Tally.objects.values("cube").annotate(cases=Sum("cases"), open=Sum("open"))}


def counted() -> dict:
    inside = Case.objects.filter(area_code__startswith=CITY, status__in=OPEN_STATUSES)
    return {"open": inside.count(), "overdue": inside.filter(overdue=True).count()}


def test_the_purge_deletes_the_emptied_rows_of_the_open_states_and_no_figure_changes(city):
    found, before, kept = emptied().count(), totals(), Tally.objects.exclude(cases=0).count()
    assert found > 0

    assert purge_emptied_figures.enqueue().return_value == found

    assert not emptied().exists()
    assert totals() == before and Tally.objects.exclude(cases=0).count() == kept
    assert open_now(Where(CITY)) == counted()


def day_row(case: Case):
    return Tally.objects.filter(cube="day", period=timezone.localdate(case.reported_at), area_code=case.area_code,
                                category_id=case.category_id, channel=case.channel, status=case.status)


def test_a_case_filed_onto_a_purged_row_writes_it_anew(city, categories, people):
    moved_on = city.file(categories["litter"])
    reported = day_row(moved_on)
    transition(moved_on, "register", people["intake_clerk"])
    assert reported.get().cases == 0

    tally.purge_emptied()
    assert not reported.exists()
    city.file(categories["litter"])

    assert reported.get().cases == 1
    assert open_now(Where(CITY)) == counted()
    for cube in tally.CUBES:
        assert sorted(tally.rows(cube).values_list("cases", flat=True)) == sorted(
            row["t_cases"] for row in tally.recount(cube))
