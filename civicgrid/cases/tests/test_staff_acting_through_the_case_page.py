import pytest
from django.urls import reverse

from civicgrid.cases.models import CaseEvent
from civicgrid.cases.services import transition
from civicgrid.testing import factories


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def act(client, case, **fields):
    return client.post(reverse("cases:act", args=[case.number]), {"version": case.version, **fields}, follow=True)


def test_registering_from_the_case_page_records_an_event_with_the_note_and_photo(client, intake_clerk, reported_case):
    client.force_login(intake_clerk)
    page = act(client, reported_case, action="register", note="信息完整，予以立案", files=[factories.jpeg()])
    reported_case.refresh_from_db()
    assert reported_case.status == "registered"
    event = CaseEvent.objects.get(case=reported_case, action="register")
    assert event.actor == intake_clerk and event.note == "信息完整，予以立案"
    assert event.attachments.get().content_type == "image/jpeg"
    assert "已完成“立案”" in page.content.decode()


def test_dispatching_from_the_case_page_sends_it_to_the_lead_and_co_departments(
    client, intake_clerk, township_dispatcher, department_handler, second_department_handler, reported_case,
):
    transition(reported_case, "register", intake_clerk)
    reported_case.refresh_from_db()
    lead = department_handler.assignments.get().department
    co = second_department_handler.assignments.get().department
    client.force_login(township_dispatcher)
    act(client, reported_case, action="dispatch", lead=lead.pk, co=[co.pk])
    reported_case.refresh_from_db()
    assert reported_case.status == "dispatched"
    assert {(a.department_id, a.role) for a in reported_case.assignments.all()} == {(lead.pk, "lead"), (co.pk, "co")}


def test_accepting_an_assignment_from_the_case_page(client, intake_clerk, township_dispatcher, department_handler,
                                                     reported_case):
    transition(reported_case, "register", intake_clerk)
    transition(reported_case, "dispatch", township_dispatcher, lead=department_handler.assignments.get().department_id)
    reported_case.refresh_from_db()
    assignment = reported_case.assignments.get()
    client.force_login(department_handler)
    act(client, reported_case, action="accept", assignment=assignment.pk)
    assignment.refresh_from_db()
    assert assignment.status == "accepted"
    assert CaseEvent.objects.filter(case=reported_case, action="accept", assignment=assignment).exists()


def test_a_missing_note_is_refused_with_the_services_message(client, intake_clerk, reported_case):
    client.force_login(intake_clerk)
    page = act(client, reported_case, action="escalate")
    reported_case.refresh_from_db()
    assert "“上报上级中心”须填写说明。" in page.content.decode()
    assert reported_case.centre_area.code == "610802001" and reported_case.version == 1
