"""审计员 and administrators read the access log on /audit/access/: an auditor sees the entries of records in
their scope only, the navigation links the page for them, and other staff get a 404."""

import pytest
from django.urls import reverse

from civicgrid.cases.intake import file_case
from civicgrid.testing import factories

from .accesslog import entry

B_POINT = (109.73, 38.29)  # township B's grid


@pytest.fixture
def entries(street_litter, township_dispatcher, outsider):
    case_a = file_case(factories.report(street_litter))
    case_b = file_case(factories.report(street_litter, point=B_POINT))
    return entry(township_dispatcher, case_a, field="phone", reason="回访A"), \
        entry(outsider, case_b, field="phone", reason="回访B")


def test_an_auditor_sees_the_entries_of_their_scope_only(client, auditor, entries):
    client.force_login(auditor)
    page = client.get(reverse("access_log")).content.decode()
    assert "回访A" in page and "回访B" not in page
    assert 'id="nav-access-log"' in page


def test_an_administrator_of_the_city_sees_both(client, administrator, entries):
    client.force_login(administrator)
    page = client.get(reverse("access_log")).content.decode()
    assert "回访A" in page and "回访B" in page


@pytest.mark.parametrize("who", ["township_dispatcher", "grid_worker", "leader"])
def test_other_staff_do_not_have_the_page(client, entries, who, request):
    client.force_login(request.getfixturevalue(who))
    assert client.get(reverse("access_log")).status_code == 404
    assert client.get(reverse("access_log_csv")).status_code == 404
    assert 'id="nav-access-log"' not in client.get(reverse("home")).content.decode()


def test_the_export_keeps_to_the_scope_too(client, auditor, entries):
    client.force_login(auditor)
    exported = b"".join(client.get(reverse("access_log_csv")).streaming_content).decode("utf-8-sig")
    assert "回访A" in exported and "回访B" not in exported
