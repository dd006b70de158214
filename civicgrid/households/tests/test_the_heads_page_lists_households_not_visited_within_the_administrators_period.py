"""The administrator sets each head's visit period (e.g. monthly for 楼栋长); a head's page marks and filters
the households not visited within it (never visited included), and shows the open matters at their units."""



from civicgrid.cases.intake import Report, file_case
from civicgrid.households.models import VisitPeriod
from civicgrid.testing.households import household


def due_doors(client, user, code: str) -> set[str]:
    client.force_login(user)
    response = client.get(f"/households/area/{code}/?due=1")
    return {row.door for row in response.context["page"].object_list}


def test_the_building_heads_period_decides_what_is_due(client, heads, units):
    household(units["floor"], "101", visited_days_ago=10)
    household(units["floor"], "102", visited_days_ago=3)
    household(units["floor"], "103")
    VisitPeriod.objects.update_or_create(role="building_head", defaults={"days": 7})
    assert due_doors(client, heads["building_head"], units["building"].code) == {"101", "103"}
    VisitPeriod.objects.update_or_create(role="building_head", defaults={"days": 30})
    assert due_doors(client, heads["building_head"], units["building"].code) == {"103"}


def test_each_head_is_held_to_their_own_roles_period(client, heads, units):
    household(units["floor"], "101", visited_days_ago=20)
    VisitPeriod.objects.update_or_create(role="floor_head", defaults={"days": 14})
    VisitPeriod.objects.update_or_create(role="building_head", defaults={"days": 30})
    assert due_doors(client, heads["floor_head"], units["floor"].code) == {"101"}
    assert due_doors(client, heads["building_head"], units["floor"].code) == set()


def test_a_role_without_a_row_keeps_its_default_period(client, heads, units):
    VisitPeriod.objects.all().delete()
    household(units["floor"], "101", visited_days_ago=31)
    client.force_login(heads["building_head"])
    response = client.get(f"/households/area/{units['building'].code}/")
    assert response.context["days"] == 30
    assert "按楼栋长的走访周期 30 天计算" in response.content.decode()


def test_the_page_shows_the_open_matters_filed_at_the_heads_units(client, heads, units, street_litter):
    mine = file_case(Report(category=street_litter, title="单元门禁损坏", description="门禁坏了。",
                            channel="grid_worker", unit=units["floor"]), heads["floor_head"])
    file_case(Report(category=street_litter, title="2号楼门口积水", description="积水。", channel="grid_worker",
                     unit=units["neighbour"]), heads["grid_head"])
    client.force_login(heads["building_head"])
    response = client.get(f"/households/area/{units['building'].code}/")
    assert [item["case"].number for item in response.context["matters"]] == [mine.number]
    assert "单元门禁损坏" in response.content.decode()
