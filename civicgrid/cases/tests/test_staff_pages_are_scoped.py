from django.urls import reverse

from civicgrid.cases.models import Attachment


def test_an_outsider_gets_404_for_a_case_page(client, outsider, reported_case):
    client.force_login(outsider)
    assert client.get(reverse("cases:detail", args=[reported_case.number])).status_code == 404


def test_an_outsider_gets_404_when_acting_on_a_case_and_nothing_changes(client, outsider, reported_case):
    client.force_login(outsider)
    response = client.post(reverse("cases:act", args=[reported_case.number]),
                           {"action": "register", "version": reported_case.version})
    reported_case.refresh_from_db()
    assert response.status_code == 404 and reported_case.status == "reported"


def test_an_outsider_does_not_see_the_case_in_the_queue(client, outsider, reported_case):
    client.force_login(outsider)
    html = client.get(reverse("cases:queue"), {"centre": "all"}).content.decode()
    assert reported_case.number not in html


def test_the_township_dispatcher_sees_the_case_in_the_queue(client, township_dispatcher, reported_case):
    client.force_login(township_dispatcher)
    page = client.get(reverse("cases:queue"), {"status": ""})
    assert [c.number for c in page.context["page"]] == [reported_case.number]


def test_an_outsider_gets_404_for_a_cases_file(client, outsider, reported_case, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    attachment = Attachment.objects.create(case=reported_case, name="a.jpg", content_type="image/jpeg", size=4,
                                           file="cases/a.jpg")
    client.force_login(outsider)
    url = reverse("cases:attachment", args=[reported_case.number, attachment.pk])
    assert client.get(url).status_code == 404


def test_anonymous_visitors_are_sent_to_log_in(client, reported_case):
    response = client.get(reverse("cases:detail", args=[reported_case.number]))
    assert response.status_code == 302 and "/login/" in response["Location"]
