"""Roles that do not call residents back — a grid worker, a leader, a department not on the case, an auditor —
are refused a reveal (a 403 page, a 403 in the API), see no button, and nothing is revealed or logged."""

import pytest
from django.urls import reverse

from civicgrid.api.keys import create_token
from civicgrid.cases.services import transition
from civicgrid.core.models import AccessLog

from .revealing import PHONE, api_reveal, reveal

REFUSAL = "您没有权限查看案件"


@pytest.mark.parametrize("who", ["grid_worker", "leader", "second_department_handler", "auditor"])
def test_the_page_refuses_with_a_403_and_reveals_nothing(client, case_with_numbers, who, request):
    client.force_login(request.getfixturevalue(who))
    response = reveal(client, case_with_numbers, "phone")
    assert response.status_code == 403
    assert REFUSAL in response.content.decode() and PHONE not in response.content.decode()
    assert client.get(reverse("cases:reveal", args=[case_with_numbers.number])).status_code == 403
    assert not AccessLog.objects.filter(action="reveal").exists()


def test_the_case_page_offers_no_button_to_a_grid_worker(client, case_with_numbers, grid_worker):
    client.force_login(grid_worker)
    page = client.get(reverse("cases:detail", args=[case_with_numbers.number])).content.decode()
    assert "138****8000" in page and "查看完整联系电话" not in page


def test_the_api_refuses_with_a_403(client, case_with_numbers, leader):
    _token, raw = create_token(leader, "看号码")
    response = api_reveal(client, case_with_numbers, {"field": "phone", "reason": "想看看"}, raw)
    assert response.status_code == 403 and response.json()["code"] == "forbidden"
    assert PHONE not in response.content.decode()
    assert not AccessLog.objects.filter(action="reveal").exists()


def test_a_department_whose_work_is_done_no_longer_may(client, case_with_numbers, department_handler):
    assignment = case_with_numbers.assignments.get()
    transition(case_with_numbers, "accept", department_handler, assignment=assignment)
    transition(case_with_numbers, "handle", department_handler, assignment=assignment, note="已清理")
    client.force_login(department_handler)
    assert reveal(client, case_with_numbers, "phone").status_code == 403
