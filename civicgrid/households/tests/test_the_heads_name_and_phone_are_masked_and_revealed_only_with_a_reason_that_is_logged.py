"""A head of household's name and phone are masked on every list and page; the keepers of the unit see them
in full with a reason, written to the access log before they are shown; anyone else is refused."""

from civicgrid.core.models import AccessLog
from civicgrid.testing.households import household


def test_lists_and_the_households_page_show_the_head_masked(client, heads, units):
    found = household(units["floor"], "101", name="王建国", phone="13912345678")
    client.force_login(heads["building_head"])
    for url in (f"/households/area/{units['building'].code}/", f"/households/{found.pk}/"):
        page = client.get(url).content.decode()
        assert "王**" in page and "139****5678" in page
        assert "王建国" not in page and "13912345678" not in page
    assert not AccessLog.objects.exists()


def test_a_reveal_with_a_reason_shows_the_head_once_and_logs_it(client, heads, units):
    found = household(units["floor"], "101", name="王建国", phone="13912345678")
    client.force_login(heads["floor_head"])
    response = client.post(f"/households/{found.pk}/reveal/", {"reason": "电话预约入户走访"})
    page = response.content.decode()
    assert "王建国" in page and "13912345678" in page
    assert "no-store" in response["Cache-Control"]
    entry = AccessLog.objects.get()
    assert (entry.username, entry.action, entry.record_type, entry.record_key, entry.area_code, entry.reason) == (
        "loucengzhang", "reveal", "households.household", str(found.pk), units["floor"].code, "电话预约入户走访")
    assert "13912345678" not in client.get(f"/households/{found.pk}/").content.decode()


def test_a_reveal_without_a_reason_is_refused_and_logs_nothing(client, heads, units):
    found = household(units["floor"], "101", name="王建国")
    client.force_login(heads["floor_head"])
    page = client.post(f"/households/{found.pk}/reveal/", {"reason": "  "}).content.decode()
    assert "请填写查看理由，例如“电话预约入户走访”。查看会记入访问日志。" in page
    assert "王建国" not in page
    assert not AccessLog.objects.exists()


def test_staff_who_do_not_keep_the_household_are_refused(client, township_dispatcher, outsider, units):
    found = household(units["floor"], "101")
    client.force_login(township_dispatcher)
    assert client.get(f"/households/{found.pk}/").status_code == 200
    assert client.post(f"/households/{found.pk}/reveal/", {"reason": "核实"}).status_code == 403
    client.force_login(outsider)
    assert client.post(f"/households/{found.pk}/reveal/", {"reason": "核实"}).status_code == 404
    assert not AccessLog.objects.exists()
