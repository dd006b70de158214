"""A wrong channel or outbox setting is reported by ``manage.py check`` (and at start-up), naming the variable."""

from django.test import override_settings

from civicgrid.notifications.checks import channels_are_configured, outbox_is_configured

HTTP_SMS = "civicgrid.notifications.backends.HttpSmsBackend"


def ids(errors) -> list[str]:
    return [error.id for error in errors]


def test_the_default_channels_pass():
    assert channels_are_configured() == []


@override_settings(CIVICGRID_SMS_BACKEND="civicgrid.notifications.backends.NoSuchBackend")
def test_a_backend_that_cannot_be_imported_is_named():
    errors = channels_are_configured()
    assert ids(errors) == ["notifications.E001"] and "CIVICGRID_SMS_BACKEND" in errors[0].msg


@override_settings(CIVICGRID_EMAIL_BACKEND="django.core.mail.backends.smtp.EmailBackend")
def test_a_class_that_is_not_a_civicgrid_backend_is_named():
    errors = channels_are_configured()
    assert ids(errors) == ["notifications.E002"] and "CIVICGRID_EMAIL_BACKEND" in errors[0].msg


@override_settings(CIVICGRID_SMS_BACKEND=HTTP_SMS, CIVICGRID_SMS_GATEWAY_URL="")
def test_the_http_gateway_needs_its_address():
    assert ids(channels_are_configured()) == ["notifications.E003"]


@override_settings(CIVICGRID_SMS_BACKEND=HTTP_SMS, CIVICGRID_SMS_GATEWAY_URL="file:///etc/passwd")
def test_the_http_gateway_address_must_be_http():
    assert ids(channels_are_configured()) == ["notifications.E003"]


@override_settings(CIVICGRID_SMS_BACKEND=HTTP_SMS, CIVICGRID_SMS_GATEWAY_URL="https://sms.example.gov.cn/send",
                   CIVICGRID_SMS_GATEWAY_TIMEOUT_S=0)
def test_the_http_gateway_needs_a_positive_timeout():
    assert ids(channels_are_configured()) == ["notifications.E004"]


@override_settings(CIVICGRID_OUTBOX_MAX_ATTEMPTS=0)
def test_a_channel_needs_at_least_one_try_naming_its_setting_once():
    errors = outbox_is_configured()
    assert ids(errors) == ["notifications.E005"] and "CIVICGRID_OUTBOX_MAX_ATTEMPTS" in errors[0].msg


@override_settings(CIVICGRID_OUTBOX_LEASE_S=10, CIVICGRID_SMS_GATEWAY_TIMEOUT_S=10)
def test_the_lease_must_outlast_a_try():
    errors = outbox_is_configured()
    assert "notifications.E006" in ids(errors)
    assert any("CIVICGRID_OUTBOX_LEASE_S" in error.msg and "CIVICGRID_SMS_GATEWAY_TIMEOUT_S" in error.msg
               for error in errors)


def test_the_default_outbox_passes():
    assert outbox_is_configured() == []
