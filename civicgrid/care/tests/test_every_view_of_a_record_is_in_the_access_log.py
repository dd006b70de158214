"""Every page that shows a support record writes one access log row each time it is drawn, a refused visit
redrawn with its message included; the list opens no record and writes nothing."""

from django.urls import reverse

from civicgrid.core.models import AccessLog


def test_each_drawing_of_the_record_is_one_row(client, grid_worker, enrolment):
    client.force_login(grid_worker)
    client.get(reverse("care:detail", args=[enrolment.pk]))
    client.get(reverse("care:detail", args=[enrolment.pk]))
    client.get(reverse("care:reveal", args=[enrolment.pk]))
    refused = client.post(reverse("care:visit", args=[enrolment.pk]), {"notes": ""})
    assert refused.status_code == 400 and "请填写走访时间" in refused.content.decode()
    assert AccessLog.objects.filter(record_key=enrolment.key, action="view", user=grid_worker).count() == 4


def test_a_saved_visit_is_logged_once_by_the_page_it_returns_to(client, grid_worker, enrolment):
    client.force_login(grid_worker)
    response = client.post(reverse("care:visit", args=[enrolment.pk]),
                           {"visited_at": "2020-01-01T10:00", "notes": "x"})
    assert response.status_code == 400  # before consent: refused, the record drawn again
    response = client.post(reverse("care:visit", args=[enrolment.pk]), {
        "visited_at": enrolment.enrolled_at.strftime("%Y-%m-%dT%H:%M"), "notes": "上门看望，身体尚可。"}, follow=True)
    assert response.status_code == 200 and "上门看望" in response.content.decode()
    assert AccessLog.objects.filter(record_key=enrolment.key).count() == 2


def test_the_list_writes_nothing(client, grid_worker, enrolment):
    client.force_login(grid_worker)
    assert client.get(reverse("care:list")).status_code == 200
    assert not AccessLog.objects.exists()
