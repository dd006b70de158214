"""``tally.flush`` adds a batch's changes to the rows already counted and creates the rows missing, in one go.

A batch adds thousands of rows at once (on PostgreSQL as one JSON array of rows): every column keeps its type
and value, an amount may be negative (a case leaving a row), and a row whose amounts all cancel is not written.
"""

from datetime import date

from civicgrid.cases import tally
from civicgrid.cases.models import Tally

DAY = date(2026, 11, 30)


def key(area_code: str, category: int = 7, department: int = 0) -> tuple:
    return ("day", DAY, area_code, category, "request", "hotline", "dispatched", "红色", department)


def amounts(**given) -> list:
    return [given.get(measure, 0) for measure in tally.MEASURES]


def stored(area_code: str) -> dict:
    return Tally.objects.filter(area_code=area_code).values(*tally.KEY, *tally.MEASURES).get()


def test_a_batch_adds_to_rows_already_counted_and_creates_the_rest(db):
    tally.flush(tally.Delta({key("610802001001001"): amounts(cases=2, open=2, minutes=30)}))
    tally.flush(tally.Delta({
        key("610802001001001"): amounts(cases=1, open=-1, timed=1, minutes=4_000_000_000),
        key("610802001001002", category=9, department=12): amounts(cases=3, open=3, overdue=1),
        key("610802001001003"): amounts(),
    }))

    assert stored("610802001001001") == {
        "cube": "day", "period": DAY, "area_code": "610802001001001", "category_id": 7, "kind": "request",
        "channel": "hotline", "status": "dispatched", "facet": "红色", "department_id": 0,
        **dict(zip(tally.MEASURES, amounts(cases=3, open=1, timed=1, minutes=4_000_000_030)))}
    assert stored("610802001001002") == {
        **dict(zip(tally.KEY, key("610802001001002", category=9, department=12))),
        **dict(zip(tally.MEASURES, amounts(cases=3, open=3, overdue=1)))}
    assert not Tally.objects.filter(area_code="610802001001003").exists()


def test_many_rows_in_one_batch_are_all_written(db):
    codes = [f"610802001{n:06d}" for n in range(1_200)]
    tally.flush(tally.Delta({key(code): amounts(cases=1, open=1) for code in codes}))

    assert Tally.objects.count() == len(codes)
    assert sorted(Tally.objects.values_list("area_code", flat=True)) == codes
