"""The care pages' forms. They read what was typed into the services' inputs; every rule (consent, the
programme list, who may be responsible, dates) is the service's, so a page and an import say the same."""

from django import forms
from django.utils.translation import gettext_lazy as _

from civicgrid.cases.models import Category
from civicgrid.geo.models import Area
from civicgrid.orgs.models import Staff

from . import services
from .choices import ConsentBy, ConsentMethod, Frequency, LeaveReason, Programme

DATETIME_FORMATS = ["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M", "%Y-%m-%d %H:%M:%S", "%Y-%m-%d"]
BLANK = [("", "---------")]


def _select(choices) -> forms.Select:
    return forms.Select(choices=[*BLANK, *choices], attrs={"class": "form-select"})


def _when() -> forms.DateTimeField:
    return forms.DateTimeField(required=False, input_formats=DATETIME_FORMATS, widget=forms.DateTimeInput(
        attrs={"type": "datetime-local", "class": "form-control"}))


def _text(label, **attrs) -> forms.CharField:
    return forms.CharField(label=label, required=False, widget=forms.TextInput(attrs={"class": "form-control",
                                                                                      **attrs}))


def _pick(model, value):
    """The row a select named, or None (the service then says what to choose)."""
    return model.objects.filter(pk=value).first() if str(value or "").isdigit() else None


class EnrolmentForm(forms.Form):
    """登记帮扶对象: the resident, the programme, the consent and who visits how often."""

    programme = forms.CharField(label=_("帮扶项目"), required=False, widget=_select(Programme.choices))
    resident_name = _text(_("姓名"), maxlength=50)
    resident_phone = _text(_("联系电话"), maxlength=11, inputmode="tel")
    area = forms.CharField(label=_("所在网格或责任单元"), required=False)
    worker = forms.CharField(label=_("责任人"), required=False)
    frequency = forms.CharField(label=_("走访频次"), required=False, widget=_select(Frequency.choices))
    consent_by = forms.CharField(label=_("同意人身份"), required=False, widget=_select(ConsentBy.choices))
    consent_name = _text(_("同意人姓名"), maxlength=50)
    consented_at = _when()
    consent_method = forms.CharField(label=_("同意方式"), required=False, widget=_select(ConsentMethod.choices))

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["consented_at"].label = _("同意时间")
        self.fields["area"].widget = _select((area.pk, f"{area.code} {area.name}") for area in services.places(user))
        self.fields["worker"].widget = _select((staff.pk, str(staff)) for staff in services.workers(user))

    def to_input(self) -> services.EnrolmentIn:
        data = self.cleaned_data
        frequency = data["frequency"]
        return services.EnrolmentIn(
            programme=data["programme"], resident_name=data["resident_name"], area=_pick(Area, data["area"]),
            worker=_pick(Staff, data["worker"]), frequency=int(frequency) if frequency.isdigit() else None,
            consent_by=data["consent_by"], consent_name=data["consent_name"], consented_at=data["consented_at"],
            consent_method=data["consent_method"], resident_phone=data["resident_phone"].strip())


class VisitForm(forms.Form):
    """登记走访: when, what was done and seen, and up to three needs, each filed as a request case."""

    visited_at = _when()
    notes = forms.CharField(label=_("走访记录"), required=False,
                            widget=forms.Textarea(attrs={"rows": 3, "class": "form-control"}))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["visited_at"].label = _("走访时间")
        categories = [(c.pk, f"{c.code} {c.path or c.name}") for c in services.need_categories()]
        for number in range(1, services.NEEDS_MAX + 1):
            self.fields[f"need-{number}-category"] = forms.CharField(
                label=_("需求 %(n)d 的事项分类") % {"n": number}, required=False, widget=_select(categories))
            self.fields[f"need-{number}-description"] = _text(_("需求 %(n)d") % {"n": number}, maxlength=500)

    def needs(self) -> list:
        """The rows filled in (a category or a description): an empty row is no need."""
        data, found = self.cleaned_data, []
        for number in range(1, services.NEEDS_MAX + 1):
            category, text = data[f"need-{number}-category"], data[f"need-{number}-description"]
            if category or text.strip():
                found.append(services.NeedIn(_pick(Category, category), text))
        return found

    def to_input(self) -> services.VisitIn:
        return services.VisitIn(self.cleaned_data["visited_at"], self.cleaned_data["notes"], self.needs())

    def need_rows(self) -> list:
        return [(self[f"need-{n}-category"], self[f"need-{n}-description"])
                for n in range(1, services.NEEDS_MAX + 1)]


class LeaveForm(forms.Form):
    """退出帮扶: why; the record stays."""

    reason = forms.CharField(label=_("退出原因"), required=False, widget=_select(LeaveReason.choices))
    note = _text(_("退出说明"), maxlength=500)


class CaseloadFilterForm(forms.Form):
    programme = forms.ChoiceField(label=_("帮扶项目"), required=False,
                                  choices=[("", _("全部项目")), *Programme.choices])
    state = forms.ChoiceField(label=_("状态"), required=False, choices=[
        ("", _("在帮扶")), ("due", _("待走访")), ("left", _("已退出"))])

    def filters(self) -> dict:
        return self.cleaned_data if self.is_valid() else {}


def show_errors(form: forms.Form, errors: dict[str, str]) -> None:
    """A service's refusal on the fields it names (the rest on the form)."""
    for key, message in errors.items():
        form.add_error(key if key in form.fields else None, message)
