"""Lists and the record's page show the resident's name and phone masked. Whoever holds the record may see
them in full for a reason, written to the access log before they are shown, in that answer only (not cached);
without a reason nothing is shown or logged."""

from django.urls import reverse

from civicgrid.core.models import AccessLog


def test_the_list_and_the_record_show_masked_name_and_phone(client, grid_worker, enrolment):
    client.force_login(grid_worker)
    for page in (reverse("care:list"), reverse("care:detail", args=[enrolment.pk])):
        html = client.get(page).content.decode()
        assert "王**" in html and "王秀英" not in html and "13912345678" not in html, page
    assert "139****5678" in html


def test_a_reveal_with_a_reason_shows_them_once_and_logs_why(client, grid_head, enrolment):
    client.force_login(grid_head)
    response = client.post(reverse("care:reveal", args=[enrolment.pk]), {"reason": "电话预约走访时间"})
    html = response.content.decode()
    assert "王秀英" in html and "13912345678" in html and "no-store" in response["Cache-Control"]
    entry = AccessLog.objects.get()
    assert (entry.user, entry.action, entry.reason, entry.record_key) == (
        grid_head, "reveal", "电话预约走访时间", enrolment.key)
    assert "王秀英" not in client.get(reverse("care:detail", args=[enrolment.pk])).content.decode()


def test_without_a_reason_nothing_is_shown_or_logged(client, grid_worker, enrolment):
    client.force_login(grid_worker)
    html = client.post(reverse("care:reveal", args=[enrolment.pk]), {"reason": "  "}).content.decode()
    assert "请填写查看理由" in html and "王秀英" not in html
    assert not AccessLog.objects.exists()


def test_no_one_else_may_reveal(client, other_worker, enrolment):
    client.force_login(other_worker)
    response = client.post(reverse("care:reveal", args=[enrolment.pk]), {"reason": "好奇"})
    assert response.status_code == 404 and not AccessLog.objects.exists()
