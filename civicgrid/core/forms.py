"""What forms of every app share (a date range), the sign-in forms of the staff login page and the admin,
throttled by ``civicgrid.core.logins``, and the access log's filters (访问日志)."""

from datetime import date

from django import forms
from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.auth.forms import AuthenticationForm
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from . import logins
from .calendar import YEARS
from .choices import AccessAction


class DateRangeMixin:
    """A form with a from–to pair of dates (``date_range``, the start's field then the end's). An end before
    the start matches nothing: it is an error on the end's field, shown in the user's language, and neither
    date narrows the list, instead of a silently empty one."""

    date_range = ("date_from", "date_to")

    def clean(self):
        data = super().clean()
        start_field, end_field = self.date_range
        start, end = data.get(start_field), data.get(end_field)
        if start and end and end < start:
            self.add_error(end_field, reversed_range(start, end))
            data.pop(start_field, None)
        return data


def reversed_range(start, end) -> str:
    return gettext("结束日期 %(end)s 早于开始日期 %(start)s，请检查起止日期。") % {"start": start, "end": end}


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


DATE_RANGE = [MinValueValidator(date(YEARS[0], 1, 1)), MaxValueValidator(date(YEARS[-1], 12, 31))]
SMALL = {"class": "form-control form-control-sm"}


def _date(label) -> forms.DateField:
    return forms.DateField(label=label, required=False, validators=DATE_RANGE,
                           widget=forms.DateInput(attrs={**SMALL, "type": "date"}))


class AccessLogFilterForm(DateRangeMixin, forms.Form):
    """The access log's filters: every value optional; a wrong one is shown and left out."""

    username = forms.CharField(label=_("用户名"), max_length=150, required=False, widget=forms.TextInput(SMALL))
    record = forms.CharField(label=_("案件编号"), max_length=100, required=False, widget=forms.TextInput(SMALL))
    action = forms.ChoiceField(label=_("操作"), required=False, choices=[("", _("全部操作")), *AccessAction.choices],
                               widget=forms.Select(attrs={"class": "form-select form-select-sm"}))
    date_from = _date(_("日期自"))
    date_to = _date(_("至"))

    def filters(self) -> dict:
        """The valid values; the invalid ones are left out (and shown as errors on the form)."""
        self.is_valid()
        return {name: value for name, value in self.cleaned_data.items() if value not in (None, "")}
