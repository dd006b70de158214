"""我的包案: the open petitions a leader owns, the late first, then by the date they must be settled, with the
next visit and the backlog mark; it is the first block of the leader's home page and in their menu, and it
shows nothing of other leaders' petitions or of the petitioners."""

from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

from civicgrid.cases.intake import file_case
from civicgrid.cases.services import transition
from civicgrid.testing import factories

from .conftest import take


def petition(category, clerk, days_ago: int, title: str):
    filed = timezone.now() - timedelta(days=days_ago)
    case = file_case(factories.report(category, title=title, reporter_name="李建国", channel="walk_in"), clerk,
                     now=filed)
    transition(case, "register", clerk, now=filed)
    return case


def test_the_late_petition_comes_first_with_its_next_visit(client, petition_category, intake_clerk, leader,
                                                          county_leader):
    recent = petition(petition_category, intake_clerk, 3, "反映拖欠工资")
    late = petition(petition_category, intake_clerk, 70, "反映宅基地确权")
    others = petition(petition_category, intake_clerk, 80, "反映供暖不达标")
    for case in (recent, late):
        take(case, "assign_leader", leader, leader=leader.pk)
    take(others, "assign_leader", county_leader, leader=county_leader.pk)
    next_visit = timezone.localdate() + timedelta(days=7)
    take(late, "record_visit", leader, kind="home", visited_on=timezone.localdate(), visitors="马领导",
         place="李家沟村", next_visit_on=next_visit)
    take(late, "mark_backlog", leader, since=timezone.localdate(), reason="跨部门，久拖未决。")
    client.force_login(leader)
    page = client.get(reverse("petitions:mine")).content.decode()
    assert page.index(late.number) < page.index(recent.number) and others.number not in page
    assert "已超期" in page and next_visit.isoformat() in page and "积案" in page
    assert "李建国" not in page


def test_a_closed_petition_leaves_the_page(client, petition_category, intake_clerk, leader):
    case = petition(petition_category, intake_clerk, 3, "反映拖欠工资")
    take(case, "assign_leader", leader, leader=leader.pk)
    take(case, "settle_petition", leader, outcome="resolved", account="工资已结清。")
    take(case, "acknowledge_petition", leader, how="signed", on=timezone.localdate(), words="工资收到了。")
    take(case, "close_petition", leader)
    client.force_login(leader)
    assert case.number not in client.get(reverse("petitions:mine")).content.decode()


def test_the_leaders_home_page_opens_on_their_petitions_and_the_menu_links_them(client, petition_case, leader,
                                                                               township_dispatcher):
    take(petition_case, "assign_leader", leader, leader=leader.pk)
    client.force_login(leader)
    home = client.get(reverse("home")).content.decode()
    assert home.index('id="petitions-panel"') < home.index("我的岗位")
    assert petition_case.number in home and reverse("petitions:mine") in home
    client.force_login(township_dispatcher)
    home = client.get(reverse("home")).content.decode()
    assert 'id="petitions-panel"' not in home and reverse("petitions:mine") not in home
