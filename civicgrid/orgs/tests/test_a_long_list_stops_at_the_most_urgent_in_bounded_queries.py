"""At a city's volume a person's list stays short and cheap: each group of the loop's tasks shows its most urgent
cases (``waiting.LIMIT``) and one line for the rest, counted, linking to the queue filtered on their state; the
page costs the same few queries however many cases wait."""

import pytest

from civicgrid.cases import waiting

# Session, user, the user's grants, the cases waiting (and the count of the rest), the zero report's two
# (for the task and again for its panel), the support visits due, the household visits due (periods and
# coverage) and again for their panel, the shifts of the day, the hazard panel, the unread notices; the home
# page adds the assignments it lists and the grid's figures.
BUDGETS = {"/tasks/": 17, "/": 21}


@pytest.fixture
def short(monkeypatch):
    monkeypatch.setattr(waiting, "LIMIT", 3)


def test_past_the_limit_one_line_stands_for_the_rest(client, loop, grid_worker, short):
    for _ in range(5):
        loop.case("handled")
    client.force_login(grid_worker)
    answer = client.get("/tasks/")
    verify = [task for task in answer.context["found"].tasks if task.kind == "待核查"]
    assert [task.count for task in verify] == [1, 1, 1, 2]
    assert (verify[-1].title, verify[-1].url) == ("另有 2 件，在列表中查看全部", "/cases/?status=handled")
    assert dict(answer.context["found"].kinds)["待核查"] == 5
    assert "共 6 项" in answer.content.decode()


@pytest.mark.parametrize("path", BUDGETS)
def test_the_page_costs_the_same_queries_for_two_cases_and_for_six(client, loop, grid_worker, short, path,
                                                                   django_assert_max_num_queries):
    client.force_login(grid_worker)
    for _ in range(2):
        loop.case("handled")
    with django_assert_max_num_queries(BUDGETS[path]) as few:
        client.get(path)
    for _ in range(4):
        loop.case("handled")
    with django_assert_max_num_queries(BUDGETS[path]) as many:
        client.get(path)
    assert len(many) == len(few) + 1  # the count of the rest, asked only when there is a rest
