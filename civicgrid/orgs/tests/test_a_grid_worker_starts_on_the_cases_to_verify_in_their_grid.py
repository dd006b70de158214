"""A grid worker signs in to their task list (我的任务): the cases of their grid a department has handled wait
for their 核查, each linking to the case page where they verify it, beside today's zero report; once verified,
a case leaves the list."""

def test_the_home_page_of_a_grid_worker_opens_on_their_task_list(client, loop, grid_worker):
    case = loop.case("handled")
    client.force_login(grid_worker)
    html = client.get("/").content.decode()
    assert html.index('id="tasks"') < html.index(f'href="/cases/{case.number}/"') < html.index("我的岗位")


def test_a_handled_case_of_their_grid_waits_for_their_verification(client, loop, grid_worker):
    case = loop.case("handled", title="垃圾堆放")
    client.force_login(grid_worker)
    answer = client.get("/tasks/")
    html = answer.content.decode()
    assert [(t.kind, t.title, t.url, t.place) for t in answer.context["found"].tasks if t.kind == "待核查"] == [
        ("待核查", "垃圾堆放", f"/cases/{case.number}/", "鸳鸯湖第1网格")]
    assert f'href="/cases/{case.number}/"' in html and "共 2 项" in html  # and today's zero report


def test_cases_still_with_the_department_or_already_verified_are_not_theirs(client, loop, grid_worker):
    loop.case("accepted")
    loop.case("verified")
    client.force_login(grid_worker)
    kinds = [t.kind for t in client.get("/tasks/").context["found"].tasks]
    assert kinds == ["零报告"]


def test_the_menu_offers_the_task_list(client, grid_worker):
    client.force_login(grid_worker)
    assert 'href="/tasks/">我的任务</a>' in client.get("/tasks/").content.decode()
