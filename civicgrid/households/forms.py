"""The pages' forms: they read what was posted; whether it is right is for ``services`` to say, and its
messages are put back on the fields."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from civicgrid.cases.forms.public import style
from civicgrid.cases.registry import kind as registered_kind
from civicgrid.cases.workflow import InvalidInput

from . import services
from .models import DOOR_MAX, FOUND_MAX, NAME_MAX, NOTES_MAX


class ServiceForm(forms.Form):
    """A form whose fields a service's refusal names: each message goes back on its field."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            style(field.widget)

    def refused(self, refusal: InvalidInput) -> None:
        for name, message in (refusal.errors or {"__all__": refusal.message}).items():
            self.add_error(name if name in self.fields else None, message)


class HouseholdForm(ServiceForm):
    """登记住户."""

    unit = forms.ChoiceField(label=_("责任单元"))
    door = forms.CharField(label=_("门牌号"), required=False, max_length=DOOR_MAX * 2,
                           widget=forms.TextInput(attrs={"placeholder": _("如：1单元302室")}))
    head_name = forms.CharField(label=_("户主姓名"), required=False, max_length=NAME_MAX * 2)
    head_phone = forms.CharField(label=_("户主电话（选填）"), required=False, max_length=20,
                                 widget=forms.TextInput(attrs={"inputmode": "tel"}))
    residents = forms.IntegerField(label=_("居住人数"), initial=1, required=False)
    notes = forms.CharField(label=_("备注（选填）"), required=False, max_length=NOTES_MAX * 2,
                            widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, units=(), **kwargs):
        self.units = {unit.code: unit for unit in units}
        super().__init__(*args, **kwargs)
        self.fields["unit"].choices = [(unit.code, unit_label(unit)) for unit in units]
        self.fields["unit"].error_messages["invalid_choice"] = _("请选择您负责的楼栋、楼层等责任单元。")

    def draft(self) -> services.HouseholdDraft:
        data = self.cleaned_data
        return services.HouseholdDraft(
            unit=self.units.get(data["unit"]), door=data["door"], head_name=data["head_name"],
            head_phone=data["head_phone"], residents=data["residents"], notes=data["notes"])


def unit_label(unit) -> str:
    """A floor indented under its building, so a flat select reads as the tree."""
    return ("\u3000" if unit.level == services.AreaLevel.SUBUNIT else "") + unit.name


class VisitForm(ServiceForm):
    """登记走访, and the finding filed as a case in the same step."""

    visited_at = forms.DateTimeField(label=_("走访时间"), required=False,
                                     widget=forms.DateTimeInput(attrs={"type": "datetime-local"},
                                                                format="%Y-%m-%dT%H:%M"))
    found = forms.CharField(label=_("走访情况"), required=False, max_length=FOUND_MAX * 2,
                            widget=forms.Textarea(attrs={"rows": 3,
                                                         "placeholder": _("如：家中老人身体健康；楼道灭火器过期")}))
    file_as = forms.ChoiceField(label=_("发现问题转为案件"), required=False)
    title = forms.CharField(label=_("案件标题（选填，默认取走访情况第一行）"), required=False, max_length=200)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.categories = {str(category.pk): category for category in services.finding_categories()}
        self.fields["file_as"].choices = [("", _("不转案件")), *category_choices(self.categories.values())]
        self.fields["file_as"].error_messages["invalid_choice"] = _("请选择诉求、矛盾纠纷或隐患中的启用分类。")
        self.initial.setdefault("visited_at", timezone.localtime().replace(second=0, microsecond=0))

    def draft(self, household=None, unit=None) -> services.VisitDraft:
        data = self.cleaned_data
        return services.VisitDraft(household=household, unit=unit, visited_at=data["visited_at"],
                                   found=data["found"], file_as=self.categories.get(data["file_as"]),
                                   title=data["title"])


def category_choices(categories) -> list:
    """The categories grouped under their kind's name (诉求, 矛盾纠纷, 隐患)."""
    groups: dict[str, list] = {}
    for category in categories:
        groups.setdefault(category.kind, []).append((str(category.pk), f"{category.code} {category.display_name}"))
    return [(str(registered_kind(kind).label), options) for kind, options in groups.items()]


class RevealForm(forms.Form):
    reason = forms.CharField(label=_("查看理由"), required=False, max_length=1000)
