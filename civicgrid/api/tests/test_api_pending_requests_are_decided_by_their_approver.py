from civicgrid.cases.models import Approval


def test_a_void_request_is_listed_and_approved_by_the_shift_lead(as_staff, intake_clerk, shift_lead, case_in_a):
    requested = as_staff(intake_clerk).post(f"/cases/{case_in_a.number}/actions",
                                            {"action": "request_void", "note": "重复上报"})
    assert requested.status_code == 200
    pending = as_staff(shift_lead).get(f"/cases/{case_in_a.number}/approvals").json()["items"]
    assert [(p["kind"], p["decide_action"]) for p in pending] == [("void", "void")]
    clerk = as_staff(intake_clerk).post(f"/cases/{case_in_a.number}/approvals/{pending[0]['id']}", {"approve": True})
    assert clerk.status_code == 403
    decided = as_staff(shift_lead).post(f"/cases/{case_in_a.number}/approvals/{pending[0]['id']}", {"approve": True})
    assert decided.status_code == 200 and decided.json()["case"]["status"] == "voided"
    assert Approval.objects.get().status == "approved"
