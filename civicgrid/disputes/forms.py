"""The dispute pages' filters. Nothing here writes: the dispute's steps read their own schemas (``inputs``)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from . import services

SCOPES = [(services.MINE, _("我承办的")), (services.ALL, _("辖区全部"))]
STATES = [(services.OPEN, _("未办结")), (services.FINISHED, _("已办结")), ("", _("全部"))]


class DisputeFilterForm(forms.Form):
    scope = forms.ChoiceField(label=_("范围"), choices=SCOPES, required=False)
    state = forms.ChoiceField(label=_("状态"), choices=STATES, required=False)

    def __init__(self, data=None, *, mediator: bool):
        self.mediator = mediator
        super().__init__(data)
        if not mediator:
            self.fields["scope"].choices = SCOPES[1:]

    def filters(self) -> dict:
        """A mediator opens on their own open disputes, others on their scope's open ones."""
        default = {"scope": services.MINE if self.mediator else services.ALL, "state": services.OPEN}
        if not self.is_bound:
            return default
        if not self.is_valid():
            return default
        return {**default, **{k: v for k, v in self.cleaned_data.items() if k in self.data}}


class PoolFilterForm(forms.Form):
    committee = forms.ModelChoiceField(label=_("调解组织"), queryset=None, required=False,
                                       empty_label=_("全部调解组织"))

    def __init__(self, data=None, *, committees):
        super().__init__(data)
        self.fields["committee"].queryset = committees

    def committee_id(self) -> int | None:
        if self.is_bound and self.is_valid() and self.cleaned_data["committee"]:
            return self.cleaned_data["committee"].pk
        return None
