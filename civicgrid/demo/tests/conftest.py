from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connection


@pytest.fixture(scope="package")
def demo_city(django_db_setup, django_db_blocker) -> str:
    """What `load_demo --cases 0` printed on an empty database; the city it loaded stays for the demo's tests.

    Writing 榆林市's divisions, outlines and 10,272 grids takes a minute, and every test here needs the whole
    city, so it is loaded once and each test runs in its own transaction on top of it, rolled back after it.
    The city is committed rather than held in one long transaction: autovacuum cannot see into that, and on
    PostgreSQL it may analyse the tables meanwhile as nearly empty, after which the tests' queries ran for
    minutes instead of seconds. It is flushed after the package, as a transactional test's data is.
    """
    printed = StringIO()
    with django_db_blocker.unblock():
        call_command("load_demo", cases=0, stdout=printed)
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")  # planner statistics as a live database has them, not those of an empty one
    yield printed.getvalue()
    with django_db_blocker.unblock():
        call_command("flush", interactive=False, verbosity=0)
