from django.urls import reverse

from civicgrid.cases.models import CaseEvent
from civicgrid.cases.services import transition


def test_acting_from_a_page_someone_else_has_acted_on_is_refused_and_changes_nothing(
    client, intake_clerk, township_dispatcher, reported_case,
):
    client.force_login(township_dispatcher)
    page = client.get(reverse("cases:detail", args=[reported_case.number]))
    shown_version = page.context["case"].version
    transition(reported_case, "register", intake_clerk)  # someone else, meanwhile
    events = CaseEvent.objects.filter(case=reported_case).count()

    response = client.post(reverse("cases:act", args=[reported_case.number]),
                           {"action": "register", "version": shown_version}, follow=True)

    reported_case.refresh_from_db()
    assert response.status_code == 200
    assert "您的页面已过期，请刷新后再操作" in response.content.decode()
    assert reported_case.version == shown_version + 1 and reported_case.status == "registered"
    assert CaseEvent.objects.filter(case=reported_case).count() == events
