"""Cases change only through transition(): in the admin they, their assignments, approvals and timeline
can be looked at, not added, edited or deleted."""

import pytest

from civicgrid.cases.models import Approval, Assignment, Case
from civicgrid.cases.services import transition


@pytest.fixture
def dispatched(reported_case, intake_clerk, township_dispatcher, department_handler):
    transition(reported_case, "register", intake_clerk)
    lead = department_handler.assignments.get().department
    transition(reported_case, "dispatch", township_dispatcher, lead=lead.pk)
    assignment = Assignment.objects.get(case=reported_case)
    transition(reported_case, "request_extension", department_handler, assignment=assignment, note="需协调",
               amount=2, unit="work_days")
    reported_case.refresh_from_db()
    return reported_case


def test_the_case_list_shows_number_status_area_and_category(admin_client, dispatched):
    page = admin_client.get("/admin/cases/case/").content.decode()
    for shown in (dispatched.number, "处置中", dispatched.area_code, dispatched.category.name):
        assert shown in page


def test_the_case_list_finds_a_case_by_its_whole_number(admin_client, dispatched):
    assert dispatched.number in admin_client.get(f"/admin/cases/case/?q={dispatched.number}").content.decode()
    page = admin_client.get(f"/admin/cases/case/?q={dispatched.number[:-1]}").content.decode()
    assert f">{dispatched.number}<" not in page


def test_the_case_page_shows_its_timeline_assignments_and_approvals_and_masks_the_reporter(admin_client, dispatched):
    response = admin_client.get(f"/admin/cases/case/{dispatched.pk}/change/")
    page = response.content.decode()
    assert response.status_code == 200
    for shown in ("立案", "派遣", "申请延时", "138****8000", "需协调"):
        assert shown in page
    assert "13800138000" not in page and 'name="_save"' not in page


def test_the_case_admin_has_no_add_page(admin_client, dispatched):
    assert admin_client.get("/admin/cases/case/add/").status_code == 403
    assert "/admin/cases/case/add/" not in admin_client.get("/admin/cases/case/").content.decode()


def test_a_status_posted_to_the_case_page_changes_nothing(admin_client, dispatched):
    admin_client.post(f"/admin/cases/case/{dispatched.pk}/change/", {"status": "closed", "title": "改"})
    case = Case.objects.get(pk=dispatched.pk)
    assert case.status == "dispatched" and case.version == dispatched.version


def test_a_case_cannot_be_deleted_in_the_admin(admin_client, dispatched):
    admin_client.post(f"/admin/cases/case/{dispatched.pk}/delete/", {"post": "yes"})
    admin_client.post("/admin/cases/case/", {"action": "delete_selected", "_selected_action": [dispatched.pk],
                                             "post": "yes"})
    assert Case.objects.filter(pk=dispatched.pk).exists()


def test_assignments_and_approvals_are_listed_and_open_but_have_no_add_page(admin_client, dispatched):
    assignment = Assignment.objects.get(case=dispatched)
    approval = Approval.objects.get(case=dispatched)
    for url in ("/admin/cases/assignment/", f"/admin/cases/assignment/{assignment.pk}/change/",
                "/admin/cases/approval/", f"/admin/cases/approval/{approval.pk}/change/",
                f"/admin/cases/assignment/?q={dispatched.number}"):
        response = admin_client.get(url)
        assert response.status_code == 200 and dispatched.number in response.content.decode(), url
    assert admin_client.get("/admin/cases/assignment/add/").status_code == 403
    assert admin_client.get("/admin/cases/approval/add/").status_code == 403
