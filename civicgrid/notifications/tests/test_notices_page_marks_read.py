from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from civicgrid.notifications.models import Notice
from civicgrid.notifications.services import notify


@pytest.fixture
def notices(department_handler, reported_case, township_dispatcher):
    old = notify([department_handler], "new_task", "旧的任务", reported_case)[0]
    Notice.objects.filter(pk=old.pk).update(created_at=timezone.now() - timedelta(days=1), read_at=timezone.now())
    fresh = notify([department_handler], "reminder", "请尽快办理", reported_case)[0]
    plain = notify([department_handler], "result", "没有案件的通知")[0]
    notify([township_dispatcher], "approval", "别人的通知", reported_case)
    return {"old": old, "fresh": fresh, "plain": plain}


def test_the_page_lists_only_my_notices_unread_first(client, department_handler, notices):
    client.force_login(department_handler)
    page = client.get(reverse("notifications:list"))
    rows = [(n.text, n.unread) for n in page.context["page"]]
    assert rows == [("没有案件的通知", True), ("请尽快办理", True), ("旧的任务", False)]
    assert "别人的通知" not in page.content.decode()


def test_the_navbar_badge_counts_unread_notices(client, department_handler, notices):
    client.force_login(department_handler)
    html = client.get(reverse("notifications:list")).content.decode()
    nav = html.split('id="nav-notices"')[1].split("</a>")[0]
    assert ">2</span>" in nav


def test_opening_a_notice_marks_it_read_and_goes_to_its_case(client, department_handler, notices, reported_case):
    client.force_login(department_handler)
    response = client.post(reverse("notifications:open", args=[notices["fresh"].pk]))
    notices["fresh"].refresh_from_db()
    assert notices["fresh"].read_at is not None
    assert response["Location"] == reverse("cases:detail", args=[reported_case.number])
    notices["plain"].refresh_from_db()
    assert notices["plain"].read_at is None


def test_mark_all_read(client, department_handler, township_dispatcher, notices):
    client.force_login(department_handler)
    page = client.post(reverse("notifications:read_all"), follow=True)
    assert not Notice.objects.filter(recipient=department_handler, read_at__isnull=True).exists()
    assert Notice.objects.filter(recipient=township_dispatcher, read_at__isnull=True).exists()
    assert "已将 2 条通知标为已读。" in page.content.decode()


def test_someone_elses_notice_answers_404_and_stays_unread(client, township_dispatcher, department_handler, notices):
    client.force_login(township_dispatcher)
    assert client.post(reverse("notifications:open", args=[notices["fresh"].pk])).status_code == 404
    notices["fresh"].refresh_from_db()
    assert notices["fresh"].read_at is None


def test_opening_needs_a_post(client, department_handler, notices):
    client.force_login(department_handler)
    assert client.get(reverse("notifications:open", args=[notices["fresh"].pk])).status_code == 405
