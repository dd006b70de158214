import re

from civicgrid.api.models import PersonalToken


def made_key(response) -> str:
    return re.search(r"cgt_[\w-]+", response.content.decode()).group(0)


def test_a_new_token_is_shown_once_and_works(client, township_dispatcher):
    client.force_login(township_dispatcher)
    response = client.post("/api/tokens/", {"name": "统计脚本", "days": "30"})
    raw = made_key(response)
    assert response["Cache-Control"].startswith("max-age=0")
    assert raw not in client.get("/api/tokens/").content.decode()
    client.logout()
    assert client.get("/api/v1/me", HTTP_AUTHORIZATION=f"Bearer {raw}").status_code == 200


def test_a_bad_form_shows_the_problem_and_makes_nothing(client, township_dispatcher):
    client.force_login(township_dispatcher)
    response = client.post("/api/tokens/", {"name": "", "days": "9999"})
    assert response.status_code == 200 and "is-invalid" in response.content.decode()
    assert not PersonalToken.objects.exists()


def test_revoking_stops_the_token(client, township_dispatcher):
    client.force_login(township_dispatcher)
    raw = made_key(client.post("/api/tokens/", {"name": "统计脚本"}))
    token = PersonalToken.objects.get()
    client.post(f"/api/tokens/{token.pk}/revoke/")
    client.logout()
    assert client.get("/api/v1/me", HTTP_AUTHORIZATION=f"Bearer {raw}").status_code == 401


def test_nobody_revokes_someone_elses_token(client, township_dispatcher, outsider):
    client.force_login(township_dispatcher)
    client.post("/api/tokens/", {"name": "统计脚本"})
    token = PersonalToken.objects.get()
    client.force_login(outsider)
    assert client.post(f"/api/tokens/{token.pk}/revoke/").status_code == 404
    assert PersonalToken.objects.get().revoked_at is None


def test_the_token_page_needs_a_signed_in_user_and_a_csrf_token(client, township_dispatcher):
    assert client.get("/api/tokens/").status_code == 302
    from django.test import Client

    strict = Client(enforce_csrf_checks=True)
    strict.force_login(township_dispatcher)
    assert strict.post("/api/tokens/", {"name": "x"}).status_code == 403
    assert not PersonalToken.objects.exists()
