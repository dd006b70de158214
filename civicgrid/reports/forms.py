"""The forms asking for a report (which centre by its area code, which kind, a day in its period) and for a
综治专报 brief.

The forms read what was posted; whether the centre is the user's and the period fits is for the view (404)
and the services (``services.request``, ``brief.compose``) to say."""

from datetime import timedelta

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .brief import RANKING_LABELS
from .choices import PeriodKind
from .documents import FIGURES


class RequestForm(forms.Form):
    centre = forms.CharField(label=_("综治中心"), max_length=21)
    kind = forms.ChoiceField(label=_("报表周期"), choices=PeriodKind.choices, initial=PeriodKind.MONTH)
    day = forms.DateField(label=_("报表期内任一日期"), widget=forms.DateInput(attrs={"type": "date"}),
                          initial=lambda: timezone.localdate().replace(day=1) - timedelta(days=1))


class BriefForm(forms.Form):
    """综治专报: which centre and period, which figures and rankings, which cases (numbers from the queue)."""

    centre = forms.CharField(label=_("综治中心"), max_length=21)
    title = forms.CharField(label=_("标题"), max_length=60, initial=_("综治专报"))
    start = forms.DateField(label=_("开始日期"), widget=forms.DateInput(attrs={"type": "date"}))
    end = forms.DateField(label=_("结束日期"), widget=forms.DateInput(attrs={"type": "date"}))
    figures = forms.MultipleChoiceField(label=_("数据"), required=False, widget=forms.CheckboxSelectMultiple,
                                        choices=[(name, label) for name, label, _unit in FIGURES])
    rankings = forms.MultipleChoiceField(label=_("排名"), required=False, widget=forms.CheckboxSelectMultiple,
                                         choices=list(RANKING_LABELS.items()))
    cases = forms.CharField(label=_("案件编号"), required=False, max_length=2000, widget=forms.Textarea(
        attrs={"rows": 4, "placeholder": _("每行一个案件编号，可从案件队列复制")}))
    note = forms.CharField(label=_("按语"), required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 3}))
