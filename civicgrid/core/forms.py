"""The sign-in forms of the staff login page and the admin, throttled by ``civicgrid.core.logins``."""

from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.auth.forms import AuthenticationForm
from django.core.exceptions import ValidationError

from . import logins


class Throttled:
    """Refuses a locked-out name or address before the password is checked, and counts each failure."""

    def clean(self):
        username, password = self.cleaned_data.get("username"), self.cleaned_data.get("password")
        if not (username and password):
            return super().clean()  # nothing to check: the missing field says so
        try:
            logins.check(self.request, username)
        except logins.LockedOut as locked:
            raise ValidationError(str(locked), code="locked_out") from None
        return self._clean_counted(username)

    def _clean_counted(self, username: str):
        try:
            cleaned = super().clean()
        except ValidationError:
            if self.user_cache is None:  # a wrong name or password, not an inactive or non-staff account
                logins.failed(self.request, username)
            raise
        logins.succeeded(self.request, username)
        return cleaned


class LoginForm(Throttled, AuthenticationForm):
    pass


class AdminLoginForm(Throttled, AdminAuthenticationForm):
    pass
