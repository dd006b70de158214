"""The dashboard's period picker: a span (本日 … 本年) or chosen days, checked before any figure is read."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from civicgrid.cases.forms.staff import DATE_RANGE, BootstrapMixin
from civicgrid.cases.workflow import InvalidInput

from . import periods
from .periods import Chosen, Span

DEFAULT = Span.MONTH


class PeriodForm(BootstrapMixin, forms.Form):
    """统计期: a wrong choice is shown with its reason and the page falls back to 本月."""

    span = forms.ChoiceField(label=_("统计期"), required=False, choices=Span.choices)
    start = forms.DateField(label=_("开始日期"), required=False, validators=DATE_RANGE,
                            widget=forms.DateInput(attrs={"type": "date"}))
    end = forms.DateField(label=_("结束日期"), required=False, validators=DATE_RANGE,
                          widget=forms.DateInput(attrs={"type": "date"}))

    def __init__(self, data):
        data = data.copy()
        data.setdefault("span", DEFAULT)  # the picker shows what is read when nothing was chosen
        super().__init__(data)
        self.style()

    def clean(self):
        data = super().clean()
        if data.get("span") != Span.CUSTOM or self.errors:
            return data
        start, end = data.get("start"), data.get("end")
        if start is None or end is None:
            self.add_error("start" if start is None else "end", _("自定义统计期须填写开始和结束日期。"))
        elif end > timezone.localdate():
            self.add_error("end", _("结束日期不能晚于今天。"))
        else:
            self._check(start, end)
        return data

    def _check(self, start, end) -> None:
        try:
            periods.Period(start, end)
        except InvalidInput as refused:
            for field, message in refused.errors.items():
                self.add_error(field, message)

    def chosen(self) -> Chosen:
        """The period asked for, or 本月 when the form has errors."""
        today = timezone.localdate()
        if not self.is_valid() or not self.cleaned_data.get("span"):
            return Chosen(DEFAULT, periods.current(DEFAULT, today))
        span, data = self.cleaned_data["span"], self.cleaned_data
        if span == Span.CUSTOM:
            return Chosen(span, periods.Period(data["start"], data["end"]))
        return Chosen(span, periods.current(span, today))
