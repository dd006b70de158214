from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from civicgrid.cases.intake import file_case
from civicgrid.testing import factories


def queries_for(client, **params) -> int:
    with CaptureQueriesContext(connection) as captured:
        page = client.get(reverse("cases:queue"), {"status": "", **params})
    assert page.status_code == 200
    return len(captured), len(page.context["page"].object_list)


def test_the_queue_runs_as_many_queries_for_25_rows_as_for_5(client, township_dispatcher, street_litter):
    for n in range(30):
        file_case(factories.report(street_litter, title=f"第{n}件", anonymous=n % 3 == 0))
    client.force_login(township_dispatcher)
    queries_for(client, per_page=5)  # warm up caches (session, calendar) that are not per page

    small, small_rows = queries_for(client, per_page=5)
    large, large_rows = queries_for(client, per_page=25)

    assert (small_rows, large_rows) == (5, 25)
    assert small == large
