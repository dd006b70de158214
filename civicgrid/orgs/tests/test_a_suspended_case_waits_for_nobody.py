"""挂账 stops a case's work and its clocks: while suspended it is on nobody's task list; resumed, it is back."""

from civicgrid.cases.services import transition


def urls(client, user) -> list[str]:
    client.force_login(user)
    return [task.url for task in client.get("/tasks/").context["found"].tasks]


def test_a_suspended_case_leaves_the_dispatchers_list_until_resumed(client, loop, township_dispatcher, shift_lead):
    case = loop.case("registered")
    transition(case, "suspend", shift_lead, note="等待法院判决")
    assert urls(client, township_dispatcher) == []
    case.refresh_from_db()
    transition(case, "resume", township_dispatcher)
    assert urls(client, township_dispatcher) == [f"/cases/{case.number}/"]


def test_a_suspended_assignment_is_not_the_departments_task(client, loop, department_handler, shift_lead):
    case = loop.case("accepted")
    transition(case, "suspend", shift_lead, note="等待法院判决")
    assert urls(client, department_handler) == []
