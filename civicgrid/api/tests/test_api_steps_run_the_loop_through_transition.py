from civicgrid.cases.models import Attachment
from civicgrid.testing import factories


def act(api, case, **body):
    answer = api.post(f"/cases/{case.number}/actions", body)
    assert answer.status_code == 200, answer.content
    return answer.json()


def test_staff_register_dispatch_accept_and_handle_with_photos(as_staff, intake_clerk, township_dispatcher,
                                                              department_handler, case_in_a,
                                                              django_capture_on_commit_callbacks):
    lead = department_handler.assignments.get().department_id
    act(as_staff(intake_clerk), case_in_a, action="register", version=1)
    dispatched = act(as_staff(township_dispatcher), case_in_a, action="dispatch", version=2, params={"lead": lead})
    assert dispatched["event"]["data"]["assignments"] and dispatched["case"]["status"] == "dispatched"
    handler = as_staff(department_handler)
    assignment = handler.get("/assignments").json()["items"][0]["id"]
    accepted = act(handler, case_in_a, action="accept", assignment=assignment)
    assert accepted["case"]["assignments"][0]["status"] == "accepted"
    with django_capture_on_commit_callbacks(execute=True):
        answer = handler.upload(f"/cases/{case_in_a.number}/attachments", {
            "action": "handle", "assignment": assignment, "note": "已清理", "files": [factories.jpeg("现场.jpg")]})
    assert answer.status_code == 200, answer.content
    assert answer.json()["case"]["status"] == "handled"
    assert [a["name"] for a in answer.json()["event"]["attachments"]] == ["现场.jpg"]


def test_a_stale_version_or_a_wrong_role_is_refused(as_staff, intake_clerk, grid_worker, case_in_a):
    assert as_staff(grid_worker).post(f"/cases/{case_in_a.number}/actions",
                                      {"action": "register"}).json()["code"] == "forbidden"
    act(as_staff(intake_clerk), case_in_a, action="register", version=1)
    stale = as_staff(intake_clerk).post(f"/cases/{case_in_a.number}/actions", {"action": "register", "version": 1})
    assert stale.status_code == 409 and stale.json()["code"] == "stale"


def test_a_case_file_downloads_only_within_scope(as_staff, shift_lead, outsider, street_litter, yulin):
    from civicgrid.cases.intake import file_case

    case = file_case(factories.report(street_litter, files=[factories.jpeg()]))
    attachment = Attachment.objects.get(case=case)
    listed = as_staff(shift_lead).get(f"/cases/{case.number}/attachments").json()["items"]
    assert [a["id"] for a in listed] == [attachment.pk]
    downloaded = as_staff(shift_lead).get(listed[0]["url"].removeprefix("/api/v1"))
    assert downloaded.status_code == 200 and b"".join(downloaded.streaming_content).startswith(b"\xff\xd8")
    assert as_staff(outsider).get(listed[0]["url"].removeprefix("/api/v1")).status_code == 404


def test_an_upload_of_a_disguised_file_is_refused(as_staff, intake_clerk, case_in_a):
    from django.core.files.uploadedfile import SimpleUploadedFile

    fake = SimpleUploadedFile("photo.jpg", b"MZ\x90\x00 not a photo", content_type="image/jpeg")
    answer = as_staff(intake_clerk).upload(f"/cases/{case_in_a.number}/attachments",
                                           {"action": "register", "files": [fake]})
    assert answer.status_code == 422 and not Attachment.objects.exists()
