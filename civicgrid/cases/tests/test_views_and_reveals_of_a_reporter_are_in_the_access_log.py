"""Every view of a reporter's record — the case page, the case in the API, the admin's case page — and every
reveal is one access log row: who (the account and its username), when, what (the case and the field or
"viewed"), why (the reason) and from where (the interface, the client address, the browser). Lists show
masked data only and write nothing."""

from django.urls import reverse
from django.utils import timezone

from civicgrid.api.keys import create_token
from civicgrid.core.models import AccessLog

from .revealing import reveal

BROWSER = "Mozilla/5.0 (X11; Linux x86_64) 测试浏览器"


def test_a_reveal_is_one_row_with_who_when_what_why_and_where(client, case_with_numbers, township_dispatcher):
    client.force_login(township_dispatcher)
    before = timezone.now()
    reveal(client, case_with_numbers, "phone", reason="  回访核实诉求  ", User_Agent=BROWSER)
    entry = AccessLog.objects.get(action="reveal")
    assert (entry.user, entry.username) == (township_dispatcher, "dispatcher")
    assert before <= entry.at <= timezone.now()
    assert (entry.record_type, entry.record_key, entry.field) == ("cases.case", case_with_numbers.number, "phone")
    assert entry.reason == "回访核实诉求"
    assert (entry.via, entry.address, entry.user_agent) == ("page", "127.0.0.1", BROWSER)
    assert entry.area_code == case_with_numbers.area_code


def test_opening_the_case_page_is_one_view(client, case_with_numbers, township_dispatcher):
    client.force_login(township_dispatcher)
    client.get(reverse("cases:detail", args=[case_with_numbers.number]), REMOTE_ADDR="10.1.2.3")
    entry = AccessLog.objects.get()
    assert (entry.action, entry.field, entry.reason, entry.via) == ("view", "", "", "page")
    assert (entry.record_key, entry.address) == (case_with_numbers.number, "10.1.2.3")


def test_reading_the_case_in_the_api_is_one_view(client, case_with_numbers, township_dispatcher):
    _token, raw = create_token(township_dispatcher, "脚本")
    client.get(f"/api/v1/cases/{case_with_numbers.number}", headers={"Authorization": f"Bearer {raw}"})
    entry = AccessLog.objects.get()
    assert (entry.action, entry.via, entry.user) == ("view", "api", township_dispatcher)


def test_the_admins_case_page_is_one_view(admin_client, admin_user, case_with_numbers):
    admin_client.get(f"/admin/cases/case/{case_with_numbers.pk}/change/")
    entry = AccessLog.objects.get()
    assert (entry.action, entry.via, entry.user, entry.record_key) == ("view", "admin", admin_user,
                                                                      case_with_numbers.number)


def test_lists_show_masked_numbers_and_write_nothing(client, admin_client, case_with_numbers, township_dispatcher):
    client.force_login(township_dispatcher)
    _token, raw = create_token(township_dispatcher, "脚本")
    assert "138****8000" in client.get(reverse("cases:queue"), {"status": ""}).content.decode()
    client.get("/api/v1/cases", headers={"Authorization": f"Bearer {raw}"})
    admin_client.get("/admin/cases/case/")
    assert not AccessLog.objects.exists()


def test_a_page_outside_the_scope_writes_nothing(client, case_with_numbers, outsider):
    client.force_login(outsider)
    assert client.get(reverse("cases:detail", args=[case_with_numbers.number])).status_code == 404
    assert not AccessLog.objects.exists()
