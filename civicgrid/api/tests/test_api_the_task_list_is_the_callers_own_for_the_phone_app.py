"""GET /api/v1/tasks: the caller's task list as the page shows it, for the phone app: overdue first, each with
its kind, title, the page where it is done, its deadline and whether it is overdue, and the counts. A task
list belongs to a person: a client application is refused."""

from civicgrid.testing.loop import overdue


def test_a_grid_worker_reads_their_tasks_overdue_first(as_staff, loop, grid_worker):
    late = loop.case("handled", title="早已超期")
    overdue(late, hours=3)
    loop.case("handled", title="尚未到期")
    found = as_staff(grid_worker).get("/tasks").json()
    assert [(t["kind"], t["title"], t["overdue"]) for t in found["items"]] == [
        ("待核查", "早已超期", True), ("零报告", "今日零报告", False), ("待核查", "尚未到期", False)]
    assert found["items"][0]["url"] == f"/cases/{late.number}/" and found["items"][0]["count"] == 1
    assert (found["total"], found["overdue"]) == (3, 1)
    assert found["kinds"] == [{"kind": "待核查", "count": 2}, {"kind": "零报告", "count": 1}]


def test_the_kinds_follow_the_language_asked_for(as_staff, grid_worker):
    assert as_staff(grid_worker, "en").get("/tasks").json()["kinds"][0]["kind"] == "Zero report"


def test_an_application_has_no_task_list(as_application):
    answer = as_application("610802001").get("/tasks")
    assert answer.status_code == 403 and answer.json()["code"] == "staff_only"
