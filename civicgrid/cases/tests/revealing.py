"""Asking for a reporter's number on the page and through the API, for the tests of revealing (the case
with both numbers is the ``case_with_numbers`` fixture)."""

from django.urls import reverse

PHONE, ID_NUMBER = "13800138000", "11010519491231002X"


def reveal(client, case, field, reason="回访核实诉求", **headers):
    return client.post(reverse("cases:reveal", args=[case.number]), {"field": field, "reason": reason},
                       headers=headers)


def api_reveal(client, case, body, token=None):
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    return client.post(f"/api/v1/cases/{case.number}/reveal", body, content_type="application/json", headers=headers)
