"""At a centre each role's tasks are the cases waiting for its own step, as its queue opens (cases/queues.py):
the 受理员 立案 (待受理), the 派遣员 派遣 (待派遣), the 值班长 结案 (待结案, at their centre and those below);
回访 (待回访), which no role's queue opens on, is a task of each of them. Their home stays the overview."""

import pytest

from civicgrid.testing import factories


def tasks(client, user) -> list[tuple[str, str]]:
    client.force_login(user)
    return [(task.kind, task.url) for task in client.get("/tasks/").context["found"].tasks]


@pytest.fixture
def cases(loop):
    return {state: loop.case(state) for state in ("reported", "registered", "verified", "closed")}


def url(case) -> str:
    return f"/cases/{case.number}/"


def test_the_intake_clerk_registers_and_calls_back(client, cases, intake_clerk):
    assert sorted(tasks(client, intake_clerk)) == [("待受理", url(cases["reported"])), ("待回访", url(cases["closed"]))]


def test_the_dispatcher_dispatches_and_calls_back(client, cases, township_dispatcher):
    assert sorted(tasks(client, township_dispatcher)) == [
        ("待回访", url(cases["closed"])), ("待派遣", url(cases["registered"]))]


def test_the_shift_lead_closes_and_calls_back(client, cases, shift_lead):
    assert sorted(tasks(client, shift_lead)) == [("待回访", url(cases["closed"])), ("待结案", url(cases["verified"]))]


def test_a_county_shift_lead_closes_the_townships_cases_but_a_county_dispatcher_dispatches_only_their_own(
        client, cases, yulin):
    county_lead = factories.staff_with_role("shift_lead", area=yulin["county"], username="county_lead")
    county_dispatcher = factories.staff_with_role("dispatcher", area=yulin["county"], username="county_dispatcher")
    assert ("待结案", url(cases["verified"])) in tasks(client, county_lead)
    assert tasks(client, county_dispatcher) == []


def test_the_centres_staff_keep_the_overview_as_their_home(client, cases, township_dispatcher):
    client.force_login(township_dispatcher)
    assert 'id="tasks"' not in client.get("/").content.decode()
