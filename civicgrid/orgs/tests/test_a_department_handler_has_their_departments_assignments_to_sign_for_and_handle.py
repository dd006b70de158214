"""A department's tasks are its 派遣单: 待签收 on the 签收 clock, then 处理中 on the 处置 clock, until it reports
back; another department's are not theirs."""

from civicgrid.cases.models import Assignment


def tasks(client, user) -> list:
    client.force_login(user)
    return client.get("/tasks/").context["found"].tasks


def test_a_new_assignment_waits_to_be_signed_for_by_its_deadline(client, loop, department_handler):
    case = loop.case("dispatched")
    assignment = Assignment.objects.get(case=case)
    [task] = tasks(client, department_handler)
    assert (task.kind, task.url, task.due_at) == ("待签收", f"/cases/{case.number}/", assignment.accept_due_at)


def test_once_signed_for_it_waits_for_the_result_by_the_handling_deadline(client, loop, department_handler):
    case = loop.case("accepted")
    [task] = tasks(client, department_handler)
    assert (task.kind, task.due_at) == ("处理中", Assignment.objects.get(case=case).due_at)


def test_once_handled_it_is_no_longer_theirs(client, loop, department_handler):
    loop.case("handled")
    assert tasks(client, department_handler) == []


def test_another_departments_handler_has_none_of_them(client, loop, second_department_handler):
    loop.case("dispatched")
    loop.case("accepted")
    assert tasks(client, second_department_handler) == []
