"""楼栋长 and 楼层长 file on the grid channel from a unit they look after (placed at its grid, no map point needed),
follow what they filed in 我的上报 and on its case page, and see nothing of anyone else's reports."""

import pytest
from django.urls import reverse

from civicgrid.cases.intake import file_case, units_for
from civicgrid.cases.models import Case, CaseEvent
from civicgrid.cases.workflow import InvalidInput
from civicgrid.geo.models import Precinct
from civicgrid.testing import factories


def form(category, unit, **fields):
    return {"category": str(category.pk), "title": "楼道堆放杂物", "description": "三单元楼道堆满纸箱，影响通行。",
            "longitude": "", "latitude": "", "address": "", "reporter_name": "", "reporter_phone": "",
            "channel": "grid_worker", "unit": unit.code, **fields}


def test_a_building_head_files_from_their_building_and_lands_on_its_case_page(client, building_head, units,
                                                                              street_litter, yulin):
    client.force_login(building_head)
    page = client.get(reverse("cases:new")).content.decode()
    assert f'value="{units["building"].code}" selected' in page and 'name="priority"' not in page
    assert "上报问题" in page and 'name="reporter_id_number"' not in page

    response = client.post(reverse("cases:new"), form(street_litter, units["building"]))
    case = Case.objects.get()
    assert response.url == reverse("cases:detail", args=[case.number])
    assert (case.area, case.unit, case.channel, case.reported_by) == (yulin["grid_a"], units["building"],
                                                                      "grid_worker", building_head)
    assert case.address == "鸳鸯湖第1网格 1号楼" and case.longitude is None
    assert CaseEvent.objects.get(case=case).actor_label == "网格上报"


def test_a_floor_head_files_from_their_floor_and_a_point_picked_in_its_grid_is_kept(floor_head, units,
                                                                                     street_litter):
    case = file_case(factories.report(street_litter, channel="grid_worker", unit=units["floor"]), floor_head)
    assert case.unit == units["floor"] and (case.longitude, case.latitude) == factories.GRID_A_POINT
    assert case.address == "鸳鸯湖第1网格 1号楼 3层"


def test_a_unit_outline_gives_the_case_its_point(building_head, units, street_litter):
    factories.outline(units["building"], factories.square(109.705, 38.285, 0.001))
    case = file_case(factories.report(street_litter, channel="grid_worker", unit=units["building"], point=(None, None)),
                     building_head)
    assert 109.705 < case.longitude < 109.706 and 38.285 < case.latitude < 38.286


def test_a_head_cannot_file_from_a_unit_they_do_not_look_after_or_a_point_outside_its_grid(
        floor_head, building_head, units, street_litter):
    with pytest.raises(InvalidInput) as caught:
        file_case(factories.report(street_litter, channel="grid_worker", unit=units["neighbour"]), building_head)
    assert caught.value.errors == {"unit": "您只能从自己负责的楼栋、楼层等责任单元上报。"}
    with pytest.raises(InvalidInput) as caught:  # a floor head's unit is their floor, not the whole building
        file_case(factories.report(street_litter, channel="grid_worker", unit=units["building"]), floor_head)
    assert "unit" in caught.value.errors
    with pytest.raises(InvalidInput) as caught:
        file_case(factories.report(street_litter, channel="grid_worker", unit=units["floor"], point=(109.73, 38.29)),
                  floor_head)
    assert "不在“3层”所在的鸳鸯湖第1网格内" in caught.value.errors["location"]
    assert not Case.objects.exists()


def test_a_head_follows_their_own_reports_and_nobody_elses(client, building_head, floor_head, units, street_litter,
                                                           settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    own = file_case(factories.report(street_litter, channel="grid_worker", unit=units["building"],
                                     files=[factories.jpeg()]), building_head)
    theirs = file_case(factories.report(street_litter, channel="grid_worker", unit=units["floor"],
                                        files=[factories.jpeg()]), floor_head)
    residents = file_case(factories.report(street_litter))
    client.force_login(building_head)
    listed = client.get(reverse("cases:mine"))
    assert [case.number for case in listed.context["page"]] == [own.number]
    assert "待受理" in listed.content.decode()
    assert client.get(reverse("cases:detail", args=[own.number])).status_code == 200
    assert client.get(reverse("cases:attachment", args=[own.number, own.attachments.get().pk])).status_code == 200
    for other in (theirs, residents):
        assert client.get(reverse("cases:detail", args=[other.number])).status_code == 404
    assert client.get(reverse("cases:attachment", args=[theirs.number, theirs.attachments.get().pk])).status_code == 404


def test_a_head_opening_the_case_queue_is_taken_to_their_reports(client, building_head):
    client.force_login(building_head)
    response = client.get(reverse("cases:queue"))
    assert response.status_code == 302 and response.url == reverse("cases:mine")


def test_each_head_picks_from_the_units_under_their_post(building_head, floor_head, units, yulin):
    precinct = Precinct.objects.create(township=yulin["township_a"], name="鼓楼街道第一片区")
    precinct.communities.set([yulin["community_a"]])
    community_head = factories.staff_with_role("community_head", area=yulin["community_a"], username="community")
    precinct_head = factories.staff_with_role("precinct_head", precinct=precinct, username="precinct")
    every = [units["building"], units["floor"], units["neighbour"]]
    assert list(units_for(community_head)) == list(units_for(precinct_head)) == every
    assert list(units_for(building_head)) == [units["building"], units["floor"]]
    assert list(units_for(floor_head)) == [units["floor"]]
