"""The writer's statements of fixed shape (a new row's INSERT, the case number, the figures' upsert) go through
``prepared_cursor``: Django still sees each of them (``connection.queries``), and on PostgreSQL a connection
that has sent one five times keeps it prepared, so it is no longer parsed and planned on every filing."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from civicgrid.cases.intake import file_case
from civicgrid.testing import factories

WRITES = ('INSERT INTO "cases_casecounter"', 'INSERT INTO "cases_case"', 'INSERT INTO "cases_caseevent"',
          'INSERT INTO "cases_tally"')


def test_every_statement_of_a_filing_is_seen_by_django(yulin, street_litter):
    with CaptureQueriesContext(connection) as captured:
        file_case(factories.report(street_litter), None)

    sent = [query["sql"] for query in captured.captured_queries]
    assert all(sum(statement.startswith(start) for statement in sent) == 1 for start in WRITES)


@pytest.mark.skipif(connection.vendor != "postgresql", reason="prepared statements are PostgreSQL's")
def test_after_five_filings_the_connection_keeps_the_writers_statements_prepared(yulin, street_litter):
    for _ in range(6):
        file_case(factories.report(street_litter), None)

    with connection.cursor() as cursor:
        cursor.execute("SELECT statement FROM pg_prepared_statements")
        prepared = [statement for (statement,) in cursor.fetchall()]
    assert all(any(statement.startswith(start) for statement in prepared) for start in WRITES)
