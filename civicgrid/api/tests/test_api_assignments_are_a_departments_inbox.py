from civicgrid.cases.services import transition


def test_each_department_sees_only_its_own_assignments(as_staff, intake_clerk, township_dispatcher,
                                                       department_handler, second_department_handler, case_in_a):
    transition(case_in_a, "register", intake_clerk)
    transition(case_in_a, "dispatch", township_dispatcher, lead=department_handler.assignments.get().department_id)
    mine = as_staff(department_handler).get("/assignments").json()["items"]
    assert [(a["case"], a["role"], a["status"]) for a in mine] == [(case_in_a.number, "lead", "dispatched")]
    assert as_staff(department_handler).get(f"/assignments/{mine[0]['id']}").status_code == 200
    assert as_staff(second_department_handler).get("/assignments").json()["items"] == []
    assert as_staff(second_department_handler).get(f"/assignments/{mine[0]['id']}").status_code == 404


def test_the_inbox_filters_by_status(as_staff, intake_clerk, township_dispatcher, department_handler, case_in_a):
    transition(case_in_a, "register", intake_clerk)
    transition(case_in_a, "dispatch", township_dispatcher, lead=department_handler.assignments.get().department_id)
    api = as_staff(department_handler)
    assert len(api.get("/assignments", {"status": "dispatched"}).json()["items"]) == 1
    assert api.get("/assignments", {"status": "handled"}).json()["items"] == []
    assert len(api.get("/assignments", {"status": "all", "light": "green"}).json()["items"]) == 1
