"""A keeper's home page opens with their households and how many are due, and the menu offers 包户走访."""

from civicgrid.testing.households import household


def test_the_building_head_sees_their_households_due_on_the_home_page(client, heads, units):
    household(units["floor"], "101", visited_days_ago=45)
    household(units["upper"], "201", visited_days_ago=2)
    client.force_login(heads["building_head"])
    page = client.get("/").content.decode()
    assert 'id="households-panel"' in page
    assert "2 户，30 天内未走访 1 户" in page
    assert f'href="/households/area/{units["building"].code}/?due=1"' in page
    assert 'href="/households/"' in page


def test_centre_staff_have_no_panel(client, township_dispatcher, units):
    client.force_login(township_dispatcher)
    assert 'id="households-panel"' not in client.get("/").content.decode()
