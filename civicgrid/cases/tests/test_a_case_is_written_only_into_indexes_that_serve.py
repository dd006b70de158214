"""Filing writes a case into every index of its table, so the table keeps none that serves nothing: the category,
the centre and the report time are found by the composite indexes that lead with them, and the links most cases
leave empty are indexed only where set. The migration drops the old indexes by name, so this reads the schema the
migrations built."""

import pytest
from django.db import connection

from civicgrid.cases.models import Case
from civicgrid.cases.models.cases import SELDOM_SET


def indexes() -> dict[str, list[str]]:
    with connection.cursor() as cursor:
        found = connection.introspection.get_constraints(cursor, Case._meta.db_table)
    return {name: info["columns"] for name, info in found.items() if info["index"] and not info["unique"]}


@pytest.mark.django_db
def test_the_category_centre_and_time_have_no_index_of_their_own_but_lead_one():
    found = indexes()
    for column in ("category_id", "centre_area_id", "reported_at"):
        assert [column] not in found.values()
        assert any(columns[0] == column and len(columns) > 1 for columns in found.values())


@pytest.mark.django_db
def test_the_seldom_set_links_are_indexed_once_by_their_partial_index():
    found = indexes()
    for link in SELDOM_SET:
        column = Case._meta.get_field(link).column
        assert [name for name, columns in found.items() if columns == [column]] == [f"cases_case_{link}_set"]
