"""Intake itself decides who may file a matter as urgent or with the reporter's ID number: the centres' staff and
grid staff may; residents and the heads under the grid (楼栋长 …) are refused on every channel, with a message on
the field and nothing written. The JSON API and Open311 ask the same (their own tests)."""

import pytest
from django.urls import reverse

from civicgrid.cases.bulk import file_many
from civicgrid.cases.intake import file_case
from civicgrid.cases.models import Case, CaseEvent
from civicgrid.cases.workflow import NotGranted
from civicgrid.testing import factories

ID_NUMBER = "11010519491231002X"


def test_a_resident_is_refused_an_urgent_report_and_an_id_number(street_litter, yulin):
    with pytest.raises(NotGranted) as caught:
        file_case(factories.report(street_litter, priority="urgent", reporter_id_number=ID_NUMBER))
    assert set(caught.value.errors) == {"priority", "reporter_id_number"}
    assert "请选择“一般”" in caught.value.errors["priority"]
    assert (Case.objects.count(), CaseEvent.objects.count()) == (0, 0)


def test_a_building_head_files_as_residents_do(building_head, units, street_litter):
    with pytest.raises(NotGranted, match="“特急”"):
        file_case(factories.report(street_litter, channel="grid_worker", unit=units["building"], priority="critical"),
                  building_head)
    assert file_case(factories.report(street_litter, channel="grid_worker", unit=units["building"]),
                     building_head).priority == "normal"


def test_centre_and_grid_staff_file_urgent_matters_with_id_numbers(street_litter, intake_clerk, grid_worker):
    clerk = file_case(factories.report(street_litter, channel="walk_in", priority="urgent",
                                       reporter_id_number=ID_NUMBER), intake_clerk)
    found = file_case(factories.report(street_litter, channel="grid_worker", priority="critical"), grid_worker)
    assert (clerk.priority, clerk.reporter_id_number, found.priority) == ("urgent", ID_NUMBER, "critical")


def test_the_heads_form_offers_neither_and_reads_neither_from_a_forged_post(client, building_head, units,
                                                                             street_litter):
    client.force_login(building_head)
    page = client.get(reverse("cases:new")).content.decode()
    assert 'name="priority"' not in page and 'name="reporter_id_number"' not in page
    client.post(reverse("cases:new"), {
        "category": str(street_litter.pk), "title": "楼道堆放杂物", "description": "三单元楼道堆满纸箱。",
        "channel": "grid_worker", "unit": units["building"].code, "priority": "urgent",
        "reporter_id_number": ID_NUMBER})
    assert Case.objects.values_list("priority", "reporter_id_number").get() == ("normal", "")


def test_a_batch_filed_by_a_head_returns_the_urgent_report_and_files_the_rest(building_head, units, street_litter):
    reports = [factories.report(street_litter, channel="grid_worker", unit=units["building"], priority=priority)
               for priority in ("normal", "urgent")]
    filed = file_many(reports, building_head, dispatch=False)
    assert [case.priority for case in filed.cases] == ["normal"]
    assert list(filed.errors) == [1] and "priority" in filed.errors[1]
