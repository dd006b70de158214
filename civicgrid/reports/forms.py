"""The form asking for a report: which centre (by its area code), which kind, and a day in its period.

The form reads what was posted; whether the centre is the user's and the period has ended is for the view
(404) and ``services.request`` to say."""

from datetime import timedelta

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .choices import PeriodKind


class RequestForm(forms.Form):
    centre = forms.CharField(label=_("综治中心"), max_length=21)
    kind = forms.ChoiceField(label=_("报表周期"), choices=PeriodKind.choices, initial=PeriodKind.MONTH)
    day = forms.DateField(label=_("报表期内任一日期"), widget=forms.DateInput(attrs={"type": "date"}),
                          initial=lambda: timezone.localdate().replace(day=1) - timedelta(days=1))
