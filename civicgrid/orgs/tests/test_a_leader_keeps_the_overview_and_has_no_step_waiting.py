"""A leader supervises and reads the figures: no case waits for a leader's step, so their task list is empty,
says so, and their home stays the overview (their figures and petitions)."""


def test_the_leaders_task_list_is_empty_and_says_so(client, loop, leader):
    for state in ("reported", "registered", "handled", "verified", "closed"):
        loop.case(state)
    client.force_login(leader)
    answer = client.get("/tasks/")
    assert answer.context["found"].tasks == [] and "暂无待办任务" in answer.content.decode()


def test_the_leaders_home_is_the_overview(client, leader):
    client.force_login(leader)
    assert 'id="tasks"' not in client.get("/").content.decode()
