"""The page reads the figures, not the cases: three times the cases, in more categories and areas, cost it
not one query more."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from civicgrid.testing import factories

from .conftest import GRID_B_POINT, custom


def file_more(filing, n: int) -> None:
    factories.category("02", "市政设施")
    for i in range(n):
        category = factories.category(f"02.{i:03d}", f"分类{i}")
        filing.file(category, days_ago=i * 20, point=GRID_B_POINT if i % 2 else None)
        filing.dispatched(category, days_ago=i * 3)


def queries(client, chosen) -> int:
    client.get("/dashboard/", custom(chosen))  # the session and the user's scope, read once
    with CaptureQueriesContext(connection) as captured:
        assert client.get("/dashboard/", custom(chosen)).status_code == 200
    return len(captured)


def test_three_times_the_cases_cost_no_more_queries(city, people, chosen, client):
    client.force_login(people["leader"])
    file_more(city, 4)
    few = queries(client, chosen)
    file_more(city, 8)
    assert queries(client, chosen) == few
