from django.urls import reverse

from civicgrid.cases.models import CaseEvent


def test_a_grid_worker_posting_a_register_is_told_they_may_not_and_nothing_changes(client, grid_worker, reported_case):
    client.force_login(grid_worker)
    response = client.post(reverse("cases:act", args=[reported_case.number]),
                           {"action": "register", "version": reported_case.version}, follow=True)
    reported_case.refresh_from_db()
    assert response.status_code == 200
    assert f"您没有权限对案件 {reported_case.number} 执行“立案”。" in response.content.decode()
    assert reported_case.status == "reported" and reported_case.version == 1
    assert not CaseEvent.objects.filter(case=reported_case, action="register").exists()


def test_a_made_up_action_is_refused_with_a_message(client, intake_clerk, reported_case):
    client.force_login(intake_clerk)
    response = client.post(reverse("cases:act", args=[reported_case.number]),
                           {"action": "teleport", "version": reported_case.version}, follow=True)
    reported_case.refresh_from_db()
    assert response.status_code == 200 and reported_case.status == "reported"
    assert "alert-danger" in response.content.decode()


def test_a_get_on_the_action_url_changes_nothing(client, intake_clerk, reported_case):
    client.force_login(intake_clerk)
    response = client.get(reverse("cases:act", args=[reported_case.number]), {"action": "register", "version": 1})
    reported_case.refresh_from_db()
    assert response.status_code == 405 and reported_case.status == "reported"
