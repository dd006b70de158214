"""Forty wrong passwords, on the staff login page or the admin's: the account is locked out after its limit,
with a message that says what to do, and the right password does not get in until an administrator lifts the
lockout; a name that does not exist is answered the same way; one address trying many names is locked out too."""

import pytest
from django.core.exceptions import PermissionDenied

from civicgrid.core import logins
from civicgrid.core.models import LoginLockout
from civicgrid.testing import factories

LOCKED = "登录失败次数过多，请 15 分钟后再试，或联系管理员解锁。"
WRONG = "wrong-password"


@pytest.fixture
def staff(db):
    return factories.StaffFactory(username="wangfang")


def sign_in(client, username, password, path="/login/", address="198.51.100.20"):
    return client.post(path, {"username": username, "password": password}, REMOTE_ADDR=address)


def test_forty_wrong_passwords_lock_the_account_and_the_right_one_is_refused_too(client, staff):
    answers = [sign_in(client, "wangfang", WRONG).content.decode() for _ in range(40)]

    assert all(LOCKED not in text for text in answers[:9]) and all(LOCKED in text for text in answers[10:])
    lockout = LoginLockout.objects.get(kind="account")
    assert (lockout.value, lockout.failures, lockout.last_address) == ("wangfang", 10, "198.51.100.20")
    right = sign_in(client, "wangfang", "pw-for-tests")
    assert LOCKED in right.content.decode() and "_auth_user_id" not in client.session


def test_the_admin_login_counts_and_refuses_alike(client, staff):
    for _ in range(10):
        sign_in(client, "WangFang ", WRONG, path="/admin/login/")
    assert LOCKED in sign_in(client, "wangfang", "pw-for-tests").content.decode()
    assert LOCKED in sign_in(client, "wangfang", WRONG, path="/admin/login/").content.decode()


def test_an_unknown_name_gets_the_same_words_so_the_page_tells_no_one_which_names_exist(client, staff):
    real = [sign_in(client, "wangfang", WRONG).content.decode() for _ in range(11)]
    made_up = [sign_in(client, "no-such-user", WRONG, address="198.51.100.21").content.decode() for _ in range(11)]
    assert LOCKED not in real[0] and LOCKED not in made_up[0]
    assert LOCKED in real[-1] and LOCKED in made_up[-1]


def test_one_address_trying_many_names_is_locked_out_for_every_name(client, staff):
    for number in range(30):
        sign_in(client, f"guess{number}", WRONG)
    assert LoginLockout.objects.filter(kind="address", value="198.51.100.20").exists()
    assert LOCKED in sign_in(client, "wangfang", "pw-for-tests").content.decode()
    assert sign_in(client, "wangfang", "pw-for-tests", address="198.51.100.99").status_code == 302


def test_an_administrator_lifts_the_lockout_and_the_right_password_gets_in(client, admin_client, staff):
    for _ in range(40):
        sign_in(client, "wangfang", WRONG)
    listed = admin_client.get("/admin/core/loginlockout/?state=locked").content.decode()
    assert "wangfang" in listed and "锁定中" in listed

    lockout = LoginLockout.objects.get(value="wangfang")
    done = admin_client.post("/admin/core/loginlockout/", {"action": "lift", "_selected_action": [lockout.pk]},
                             follow=True)

    assert "已解锁 1 项" in done.content.decode()
    lockout.refresh_from_db()
    assert lockout.lifted_at is not None and lockout.lifted_by.username == "admin"
    assert sign_in(client, "wangfang", "pw-for-tests").status_code == 302
    assert "wangfang" not in admin_client.get("/admin/core/loginlockout/?state=locked").content.decode()


def test_a_right_password_before_the_limit_starts_the_count_again(client, staff):
    for _ in range(9):
        sign_in(client, "wangfang", WRONG)
    assert sign_in(client, "wangfang", "pw-for-tests").status_code == 302
    client.logout()
    for _ in range(9):
        sign_in(client, "wangfang", WRONG)
    assert not LoginLockout.objects.exists()


def test_no_one_writes_or_edits_a_lockout_by_hand(admin_client, db):
    assert admin_client.get("/admin/core/loginlockout/add/").status_code == 403


def test_only_someone_allowed_to_change_lockouts_may_lift_one(client, staff):
    for _ in range(10):
        sign_in(client, "wangfang", WRONG)
    with pytest.raises(PermissionDenied):
        logins.lift(LoginLockout.objects.all(), factories.StaffFactory(username="clerk"))
    assert LOCKED in sign_in(client, "wangfang", "pw-for-tests").content.decode()
