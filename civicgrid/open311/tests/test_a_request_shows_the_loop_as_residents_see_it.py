"""A request shows where the case stands in the loop, the lead department, the due time and the result,
as the tracking page shows its reporter; never a name or a phone number."""

from civicgrid.cases.intake import file_case
from civicgrid.cases.services import transition
from civicgrid.testing import factories

from . import schemas
from .support import both, get


def test_a_dispatched_case_shows_its_lead_department_and_its_due_time(client, service, street_litter, app_key,
                                                                       intake_clerk, township_dispatcher,
                                                                       department_handler):
    case = file_case(factories.report(street_litter, extra={"size": "少量"}))
    department = department_handler.assignments.get().department
    transition(case, "register", intake_clerk)
    transition(case, "dispatch", township_dispatcher, lead=department.pk)
    item = both(client, f"requests/{case.number}", schemas.REQUESTS, api_key=app_key)[0]
    assert item["status"] == "open" and item["agency_responsible"] == department.name
    assert item["expected_datetime"] is not None and item["service_notice"] == "承办部门正在办理。"
    assert item["status_notes"] is None


def test_a_closed_case_shows_the_result_and_nothing_personal(client, service, street_litter, app_key,
                                                             intake_clerk, township_dispatcher, department_handler,
                                                             grid_worker, shift_lead):
    case = file_case(factories.report(street_litter, extra={"size": "少量"}))
    department = department_handler.assignments.get().department
    transition(case, "register", intake_clerk)
    transition(case, "dispatch", township_dispatcher, lead=department.pk)
    assignment = case.assignments.get()
    transition(case, "accept", department_handler, assignment=assignment)
    transition(case, "request_extension", department_handler, assignment=assignment, note="内部：等张科长批", amount=1)
    transition(case, "handle", department_handler, assignment=assignment, note="已清运完毕")
    transition(case, "verify", grid_worker)
    transition(case, "close", shift_lead)
    item = both(client, f"requests/{case.number}", schemas.REQUESTS, api_key=app_key)[0]
    assert (item["status"], item["status_notes"], item["expected_datetime"]) == ("closed", "已清运完毕", None)
    for fmt in ("json", "xml"):
        text = get(client, f"requests/{case.number}", fmt, api_key=app_key).content.decode()
        for private in ("张三", "13800138000", "内部", grid_worker.display_name, department_handler.display_name):
            assert private not in text


def test_a_merged_case_points_to_the_case_it_joined(client, service, street_litter, app_key, intake_clerk):
    original = file_case(factories.report(street_litter, extra={"size": "少量"}))
    duplicate = file_case(factories.report(street_litter, extra={"size": "少量"}))
    transition(duplicate, "merge", intake_clerk, original=original.number)
    item = both(client, f"requests/{duplicate.number}", schemas.REQUESTS, api_key=app_key)[0]
    assert item["status"] == "closed" and original.number in item["status_notes"]
