import pytest


@pytest.mark.parametrize("url", ["/cases/%00/", "/cases/not-a-number/act/", "/cases/?date_to=9999-12-31",
                                 "/cases/?date_from=0001-01-01", "/cases/?page=99999999999999999999"])
def test_odd_urls_get_a_page_or_a_404(client, township_dispatcher, url):
    client.force_login(township_dispatcher)
    assert client.get(url).status_code in (200, 404)


def test_a_nul_in_a_bulk_selection_is_refused_with_a_message(client, township_dispatcher, reported_case):
    client.force_login(township_dispatcher)
    response = client.post("/cases/bulk/", {"action": "register", "cases": ["\x00"]}, follow=True)
    assert response.status_code == 200
    reported_case.refresh_from_db()
    assert reported_case.status == "reported"
