"""关爱帮扶统计: residents in each programme now, per area one level down, against hand-counted figures; those who
left are not counted; the page names no one; it is for a city, county or township in the reader's scope, and
not found below a township or outside the scope."""

import pytest
from django.urls import reverse

from civicgrid.care import figures, services
from civicgrid.testing import factories

from .conftest import enrolment_input


@pytest.fixture
def caseload(grid_head, grid_worker, building, yulin):
    """Grid A (township A): two living alone, one disabled, one who left; grid B (township B): one minor."""
    made = [services.enrol(grid_head, enrolment_input(building, grid_worker, resident_name=name, programme=p))
            for name, p in (("甲老人", "elderly_alone"), ("乙老人", "elderly_alone"), ("丙", "disability"),
                            ("丁", "disability"))]
    services.leave(grid_head, made[-1], "moved", "")
    worker_b = factories.staff_with_role("grid_worker", area=yulin["grid_b"], username="worker_b")
    services.enrol(worker_b, enrolment_input(yulin["grid_b"], worker_b, resident_name="戊", programme="minors"))
    return made


def counts(row) -> dict:
    return {p: n for p, n in zip(services.Programme.values, row.counts, strict=True) if n}


def test_a_county_counts_each_township(caseload, yulin):
    rows, total = figures.figures(yulin["county"])
    by_area = {row.area.code: counts(row) for row in rows}
    assert by_area == {"610802001": {"elderly_alone": 2, "disability": 1}, "610802002": {"minors": 1}}
    assert counts(total) == {"elderly_alone": 2, "disability": 1, "minors": 1} and total.total == 4


def test_a_township_counts_each_community(caseload, yulin):
    rows, _total = figures.figures(yulin["township_a"])
    assert [(row.area.code, row.total) for row in rows] == [("610802001001", 3)]


def test_the_page_shows_counts_and_no_names(client, caseload, township_dispatcher, yulin):
    client.force_login(township_dispatcher)
    response = client.get(reverse("care:figures", args=[yulin["township_a"].code]))
    html = response.content.decode()
    assert response.status_code == 200 and "鸳鸯湖社区居委会" in html
    assert not any(name in html for name in ("甲老人", "乙老人", "丙", "甲*"))


def test_the_index_opens_on_the_readers_own_area(client, caseload, township_dispatcher, yulin):
    client.force_login(township_dispatcher)
    response = client.get(reverse("care:figures_index"))
    assert response.url == reverse("care:figures", args=[yulin["township_a"].code])


@pytest.mark.parametrize("code", ["610802001001", "610802001001001", "610802002"])
def test_below_a_township_or_outside_the_scope_is_not_found(client, caseload, township_dispatcher, code):
    client.force_login(township_dispatcher)
    assert client.get(reverse("care:figures", args=[code])).status_code == 404
