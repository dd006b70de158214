"""A dispatcher of another township gets 404 for a reveal on township A's case, on the page and in the API,
and nothing is logged: the case does not exist for them."""

from django.urls import reverse

from civicgrid.api.keys import create_token
from civicgrid.core.models import AccessLog

from .revealing import api_reveal, reveal


def test_the_page_is_not_found_for_an_outsider(client, case_with_numbers, outsider):
    client.force_login(outsider)
    assert reveal(client, case_with_numbers, "phone").status_code == 404
    assert client.get(reverse("cases:reveal", args=[case_with_numbers.number])).status_code == 404
    assert not AccessLog.objects.exists()


def test_the_api_is_not_found_for_an_outsider(client, case_with_numbers, outsider):
    _token, raw = create_token(outsider, "越界")
    response = api_reveal(client, case_with_numbers, {"field": "phone", "reason": "回访"}, raw)
    assert response.status_code == 404 and response.json()["code"] == "not_found"
    assert not AccessLog.objects.exists()
