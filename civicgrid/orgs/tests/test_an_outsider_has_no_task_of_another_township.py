"""Scope: township B's dispatcher has township B's cases to dispatch, never township A's; a grid worker has
the cases of their own grid to verify, never the neighbouring grid's."""


def tasks(client, user) -> list:
    client.force_login(user)
    return client.get("/tasks/").context["found"].tasks


def test_the_outsider_dispatches_their_own_townships_cases_only(client, loop, outsider):
    loop.case("registered", where="a")
    theirs = loop.case("registered", where="b")
    assert [task.url for task in tasks(client, outsider)] == [f"/cases/{theirs.number}/"]


def test_a_grid_worker_verifies_their_own_grids_cases_only(client, loop, grid_worker):
    loop.case("handled", where="b")
    assert [task.kind for task in tasks(client, grid_worker)] == ["零报告"]
