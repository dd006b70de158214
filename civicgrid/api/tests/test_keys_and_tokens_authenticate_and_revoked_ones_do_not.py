from datetime import timedelta

import pytest
from django.utils import timezone

from civicgrid.api import keys
from civicgrid.api.models import ClientApplication, PersonalToken


def me(client, **headers):
    return client.get("/api/v1/me", **headers)


def bearer(raw):
    return {"HTTP_AUTHORIZATION": f"Bearer {raw}"}


@pytest.fixture
def application(yulin):
    return keys.create_application("12345热线", "610802", ["read", "file"])


def test_an_application_key_works_as_a_bearer_or_in_x_api_key(client, application):
    _app, raw = application
    assert me(client, **bearer(raw)).json()["name"] == "12345热线"
    assert me(client, HTTP_X_API_KEY=raw).json()["grants"] == ["read", "file"]


def test_only_the_digest_of_a_key_is_stored(application):
    app, raw = application
    stored = ClientApplication.objects.get(pk=app.pk)
    assert raw not in (stored.key_hash, stored.key_prefix) and stored.key_hash == keys.digest(raw)
    assert raw.startswith(stored.key_prefix)


def test_a_personal_token_speaks_for_its_owner(client, township_dispatcher):
    _token, raw = keys.create_token(township_dispatcher, "统计脚本")
    answer = me(client, **bearer(raw)).json()
    assert answer == {"kind": "staff", "name": str(township_dispatcher), "area_code": None, "grants": []}


def test_a_revoked_key_an_expired_token_and_a_made_up_key_get_401(client, application, township_dispatcher):
    app, raw_key = application
    keys.revoke(app)
    expired, raw_token = keys.create_token(township_dispatcher, "旧脚本", expires_at=timezone.now() - timedelta(days=1))
    for raw in (raw_key, raw_token, "cgk_made-up", "cgt_made-up", ""):
        response = me(client, **bearer(raw))
        assert response.status_code == 401
        assert response.json()["code"] == "unauthenticated"


def test_a_token_of_a_deactivated_staff_member_gets_401(client, township_dispatcher):
    _token, raw = keys.create_token(township_dispatcher, "统计脚本")
    township_dispatcher.is_active = False
    township_dispatcher.save()
    assert me(client, **bearer(raw)).status_code == 401


def test_last_use_is_recorded_at_most_once_a_minute(client, township_dispatcher):
    token, raw = keys.create_token(township_dispatcher, "统计脚本")
    me(client, **bearer(raw))
    first = PersonalToken.objects.get(pk=token.pk).last_used_at
    me(client, **bearer(raw))
    assert first is not None and PersonalToken.objects.get(pk=token.pk).last_used_at == first


def test_an_application_needs_a_known_area_and_known_grants(yulin):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError) as refused:
        keys.create_application("邻市平台", "999999", ["read", "fly"])
    assert set(refused.value.message_dict) == {"area_code", "grants"}
    assert not ClientApplication.objects.exists()
