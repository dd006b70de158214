from datetime import timedelta

import pytest

from civicgrid.cases.choices import Channel, Status
from civicgrid.cases.models import Case
from civicgrid.cases.workflow import WorkflowError
from civicgrid.patrols import incidents
from civicgrid.patrols.checkins import PatrolError
from civicgrid.patrols.models import Incident
from civicgrid.testing import factories


@pytest.fixture
def category(db):
    factories.category("01", "市容环境")
    return factories.category("01.001", "占道经营")


def test_the_finding_becomes_a_grid_report_in_grid_a_tied_to_the_shift(patrol, grid_worker, category):
    finding = incidents.Finding(category, "学校门口占道经营", "放学时段流动摊贩占用人行道。", 109.705, 38.2852)
    case = incidents.file_incident(grid_worker, patrol.shift, finding)
    assert (case.status, case.channel, case.area.code) == (Status.REPORTED, Channel.GRID_WORKER,
                                                           patrol.zone.area.code)
    assert Incident.objects.get().case == case and Incident.objects.get().member == patrol.member


def test_without_a_position_it_is_placed_inside_the_zone_with_its_name(patrol, grid_worker, category):
    case = incidents.file_incident(grid_worker, patrol.shift, incidents.Finding(category, "井盖缺失", "市场北口井盖缺失。"))
    assert patrol.zone.geometry.contains(__import__("shapely").Point(case.longitude, case.latitude))
    assert case.address == "鼓楼步行街巡逻区"


def test_a_finding_intake_refuses_leaves_no_case_and_no_incident(patrol, grid_worker, category):
    with pytest.raises(WorkflowError):
        incidents.file_incident(grid_worker, patrol.shift, incidents.Finding(category, "", ""))
    assert not Case.objects.exists() and not Incident.objects.exists()


def test_a_finding_after_the_shift_is_refused(patrol, grid_worker, category):
    with pytest.raises(PatrolError, match="班次不在进行中"):
        incidents.file_incident(grid_worker, patrol.shift, incidents.Finding(category, "井盖缺失", "井盖缺失。"),
                                now=patrol.shift.ends_at + timedelta(minutes=1))
    assert not Case.objects.exists()


def test_the_page_files_it_and_opens_the_new_case(client, patrol, grid_worker, category):
    client.force_login(grid_worker)
    answer = client.post(f"/patrols/shifts/{patrol.shift.pk}/incident/",
                         {"category": category.pk, "title": "路灯不亮", "description": "公交站旁路灯不亮。"})
    case = Case.objects.get()
    assert answer.status_code == 302 and answer["Location"] == f"/cases/{case.number}/"


def test_the_api_files_it(api, patrol, grid_worker, category):
    answer = api(grid_worker, "post", f"/patrols/shifts/{patrol.shift.pk}/incidents",
                 {"category": category.pk, "title": "路灯不亮", "description": "公交站旁路灯不亮。"})
    assert answer.json() == {"number": Case.objects.get().number}
