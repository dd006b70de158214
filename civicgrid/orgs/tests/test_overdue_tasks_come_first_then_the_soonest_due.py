"""The task list puts what is overdue first (marked 已超期 and counted), then the soonest due, then what has no
deadline; a kind's button shows that kind alone, with every kind's count."""

import pytest

from civicgrid.testing.loop import due_in, overdue


@pytest.fixture
def page(client, loop, grid_worker):
    """Three cases to verify: due in two days, overdue by five hours, due in one hour; and the zero report."""
    later, late, soon = (loop.case("handled", title=title) for title in ("后天到期", "已经超期", "一小时内到期"))
    due_in(later, 48)
    overdue(late, hours=5)
    due_in(soon, 1)
    client.force_login(grid_worker)
    return client


def titles(answer) -> list[str]:
    return [row["task"].title for row in answer.context["rows"]]


def test_the_overdue_case_comes_first_then_the_soonest(page):
    answer = page.get("/tasks/")
    found = titles(answer)
    assert found[0] == "已经超期" and found.index("一小时内到期") < found.index("后天到期")
    assert [row["overdue"] for row in answer.context["rows"]] == [True, False, False, False]
    html = answer.content.decode()
    assert 'id="task-overdue">超期 1 项' in html and html.index("已经超期") < html.index("一小时内到期")


def test_a_kind_shows_alone_with_every_kinds_count(page):
    answer = page.get("/tasks/", {"kind": "待核查"})
    assert titles(answer) == ["已经超期", "一小时内到期", "后天到期"]
    assert answer.context["found"].kinds == [("待核查", 3), ("零报告", 1)]


def test_an_unknown_kind_shows_everything(page):
    assert len(titles(page.get("/tasks/", {"kind": "<script>"}))) == 4
