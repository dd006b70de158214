"""The register of an area: live hazards counted by field × grade with their overdue rectifications (hand-counted
here), rows with overdue rectifications first, the same figures in the Excel export and on the home page, and
a 404 for an area outside the user's scope."""

from datetime import timedelta
from io import BytesIO

import pytest
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from civicgrid.cases.services import transition
from civicgrid.hazards.models import HazardField
from civicgrid.hazards.services import register

from .conftest import graded, new_hazard


@pytest.fixture
def hazards(hazard_category, intake_clerk, township_dispatcher, grid_worker, shift_lead, gas):
    """Gas: red (overdue), orange; fire: orange; and a gas hazard closed (销号), which is off the register."""
    fire = HazardField.objects.get_or_create(name="消防", defaults={"order": 40})[0]
    late = graded(new_hazard(hazard_category, intake_clerk), township_dispatcher, gas, grade="red")
    weeks_ago = timezone.now() - timedelta(days=20)
    transition(late, "hazard_order", township_dispatcher, measures="更换软管",
               deadline=timezone.localdate(weeks_ago) + timedelta(days=5), now=weeks_ago)
    graded(new_hazard(hazard_category, intake_clerk), township_dispatcher, gas, grade="orange")
    graded(new_hazard(hazard_category, intake_clerk), township_dispatcher, fire, grade="orange")
    closed = graded(new_hazard(hazard_category, intake_clerk), township_dispatcher, gas, grade="blue")
    transition(closed, "hazard_order", township_dispatcher, measures="清理")
    transition(closed, "hazard_accept", grid_worker, note="已清理")
    transition(closed, "hazard_close", shift_lead)
    return late


def test_counts_by_field_and_grade_with_the_overdue(yulin, hazards, township_dispatcher):
    found = register(township_dispatcher, yulin["township_a"].code)
    table = {row.field.name: (row.cells, row.total, row.overdue) for row in found.fields}
    assert table == {"城镇燃气": ([1, 1, 0, 0], 2, 1), "消防": ([0, 1, 0, 0], 1, 0)}
    assert (found.totals, found.total, found.overdue) == ([1, 2, 0, 0], 3, 1)
    assert list(found.rows)[0].case == hazards


def test_the_page_the_export_and_the_home_panel_show_the_same(client, yulin, hazards, township_dispatcher):
    client.force_login(township_dispatcher)
    page = client.get(reverse("hazards:register", args=[yulin["township_a"].code])).content.decode()
    assert "在册 3 处" in page and "整改超期 1 处" in page
    rows_start = page.index('id="rows"')
    assert page.index('data-overdue="1"', rows_start) < page.index(hazards.number, rows_start)  # the first row
    book = load_workbook(BytesIO(client.get(reverse("hazards:export", args=[yulin["township_a"].code])).content))
    counts, rows = book.worksheets
    assert [c.value for c in counts[4]] == ["合计", 1, 2, 0, 0, 0, 3, 1]
    assert rows["A2"].value == hazards.number and rows["L2"].value == "是" and rows.max_row == 4
    assert "139****5678" in [c.value for c in rows[2]]
    home = client.get(reverse("home")).content.decode()
    assert 'id="hazard-panel"' in home and "整改超期 1 处" in home


def test_outside_scope_the_register_is_not_found(client, yulin, hazards, outsider):
    assert register(outsider, yulin["township_a"].code) is None
    client.force_login(outsider)
    assert client.get(reverse("hazards:register", args=[yulin["township_a"].code])).status_code == 404
    assert client.get(reverse("hazards:export", args=[yulin["township_a"].code])).status_code == 404
    assert register(outsider, yulin["township_b"].code).total == 0
