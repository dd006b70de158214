"""Staff forms: the queue's and the inbox's filters, one step on a case, a decision on a request, bulk steps.

The forms only read what the page sent; whether a step is allowed and whether its values are right is
for ``services.transition`` to say, so every refusal reads the same on every page and in the API.
"""

from dataclasses import replace
from datetime import date
from typing import get_origin

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from civicgrid.core.calendar import YEARS
from civicgrid.core.forms import DateRangeMixin
from civicgrid.geo.choices import AreaLevel
from civicgrid.geo.models import Area

from .. import queues, registry
from ..choices import AssignmentStatus, Channel, Light, Measure, Priority, Status
from ..intake import STAFF_CHANNELS
from ..models import Category
from ..workflow import Action
from .public import ReportForm, style

OPEN = "open"
ACTIVE = "active"
PER_PAGE = 25
MAX_PER_PAGE = 100
MAX_AREA_CHOICES = 300
MAX_BULK = 100
BULK_ACTIONS = [(Action.REGISTER, Action.REGISTER.label), (Action.REMIND, Action.REMIND.label)]


DATE_RANGE = [MinValueValidator(date(YEARS[0], 1, 1)), MaxValueValidator(date(YEARS[-1], 12, 31))]


class ListField(forms.Field):
    """Several values under one name (checkboxes, a multiple select), each converted by ``coerce``."""

    widget = forms.MultipleHiddenInput

    def __init__(self, *, coerce=str, max_items=MAX_BULK, **kwargs):
        super().__init__(**kwargs)
        self.coerce, self.max_items = coerce, max_items

    def to_python(self, value):
        values = [v for v in (value or []) if str(v).strip()]
        if any("\x00" in str(v) or len(str(v)) > 64 for v in values):
            raise ValidationError(_("所选项无效。"))
        if len(values) > self.max_items:
            raise ValidationError(_("一次最多选择 %(n)d 项。") % {"n": self.max_items})
        try:
            return [self.coerce(str(v).strip()) for v in values]
        except (TypeError, ValueError):
            raise ValidationError(_("所选项无效。")) from None


class BootstrapMixin:
    """Bootstrap's small controls on every visible field, so filters fit a phone screen."""

    def style(self) -> None:
        for field in self.fields.values():
            widget = field.widget
            if isinstance(widget, forms.Select):
                widget.attrs.setdefault("class", "form-select form-select-sm")
            elif not isinstance(widget, forms.HiddenInput | forms.RadioSelect):
                widget.attrs.setdefault("class", "form-control form-control-sm")


def first_error(form: forms.Form) -> str:
    """One line for a message: the first field's label and its first error."""
    for name, errors in form.errors.items():
        label = form.fields[name].label if name in form.fields else ""
        return _("%(label)s：%(error)s") % {"label": label, "error": errors[0]} if label else errors[0]
    return ""


class QueueFilterForm(DateRangeMixin, BootstrapMixin, forms.Form):
    """中心案件队列的筛选: every value optional; a wrong one is shown and ignored."""

    q = forms.CharField(label=_("编号或标题"), max_length=50, required=False)
    centre = forms.ChoiceField(label=_("范围"), required=False,
                               choices=[(queues.MINE, _("本中心承办")), (queues.BELOW, _("本中心及下级中心")),
                                        (queues.ALL, _("辖区全部"))])
    status = forms.ChoiceField(label=_("状态"), required=False,
                               choices=[("", _("全部状态")), (OPEN, _("未办结")), *Status.choices])
    light = forms.ChoiceField(label=_("亮灯"), required=False, choices=[("", _("全部")), *Light.choices])
    area = forms.ChoiceField(label=_("区域"), required=False)
    category = forms.ChoiceField(label=_("事项分类"), required=False)
    channel = forms.ChoiceField(label=_("来源渠道"), required=False, choices=[("", _("全部渠道")), *Channel.choices])
    kind = forms.ChoiceField(label=_("事项类型"), required=False,
                             choices=lambda: [("", _("全部类型")), *registry.kind_choices()])
    measure = forms.ChoiceField(label=_("统计口径"), required=False, choices=[("", _("全部")), *Measure.choices])
    # What a dashboard's figure narrows to besides the visible filters: kept through paging and filtering.
    category_id = forms.IntegerField(label=_("事项分类"), required=False, min_value=1, widget=forms.HiddenInput)
    facet = forms.SlugField(label=_("分项"), required=False, max_length=16, widget=forms.HiddenInput)
    department = forms.IntegerField(label=_("主办部门"), required=False, min_value=1, widget=forms.HiddenInput)
    date_from = forms.DateField(label=_("上报日期自"), required=False, validators=DATE_RANGE,
                                widget=forms.DateInput(attrs={"type": "date"}))
    date_to = forms.DateField(label=_("至"), required=False, validators=DATE_RANGE,
                              widget=forms.DateInput(attrs={"type": "date"}))
    per_page = forms.IntegerField(label=_("每页"), required=False, min_value=5, max_value=MAX_PER_PAGE,
                                  widget=forms.HiddenInput)

    def __init__(self, data, *, scope_areas, categories, centre_user: bool):
        super().__init__(data)
        top = min((a.level for a in scope_areas), default=0)
        self.fields["area"].choices = [("", _("全部区域")), *((a.code, area_label(a, top)) for a in scope_areas),
                                       *_deeper_area(data, scope_areas)]
        self.fields["category"].choices = [("", _("全部分类")), *((c.code, category_label(c)) for c in categories)]
        if not centre_user:
            del self.fields["centre"]
        self.style()

    def filters(self) -> dict:
        """The valid values; the invalid ones are left out (and shown as errors on the form)."""
        self.is_valid()
        data = {name: value for name, value in self.cleaned_data.items() if value not in (None, "")}
        data["per_page"] = data.get("per_page") or PER_PAGE
        return data


class InboxFilterForm(BootstrapMixin, forms.Form):
    """部门待办的筛选: 待办 (待签收 and 处理中) by default."""

    status = forms.ChoiceField(label=_("状态"), required=False,
                               choices=[(ACTIVE, _("待办")), ("", _("全部")), *AssignmentStatus.choices])
    light = forms.ChoiceField(label=_("亮灯"), required=False, choices=[("", _("全部")), *Light.choices])

    def __init__(self, data):
        super().__init__(data)
        self.style()

    def filters(self) -> dict:
        self.is_valid()
        return {name: value for name, value in self.cleaned_data.items() if value not in (None, "")}


def _deeper_area(data, scope_areas) -> list[tuple[str, str]]:
    """An area asked for below the select's two levels (a dashboard's grid), when it lies in the scope."""
    code = (data or {}).get("area") or ""
    listed = {a.code for a in scope_areas}
    if not code or code in listed or not code.startswith(tuple(listed)):
        return []
    return [(a.code, a.name) for a in Area.objects.filter(code=code)]


def area_label(area: Area, top: int) -> str:
    """Indented by depth below the top of the scope, so a flat select reads as the tree."""
    return "\u3000" * (area.level - top) + area.name


def category_label(category: Category) -> str:
    return ("\u3000" if "." in category.code else "") + f"{category.code} {category.display_name}"


def area_choices(roots) -> list[Area]:
    """The user's scope down two levels below its top nodes (a select, not the whole tree), in tree order."""
    if not roots:
        return []
    deepest = min(root.level for root in roots) + 2
    query = Q(pk__in=[])
    for root in roots:
        query |= Q(code__startswith=root.code)
    return list(Area.objects.filter(query, level__lte=deepest).order_by("code")[:MAX_AREA_CHOICES])


def category_choices() -> list[Category]:
    """大类 and 小类 (the first two levels): what a centre filters its queue by."""
    top_two = Q(parent__isnull=True) | Q(parent__parent__isnull=True)
    return list(Category.objects.filter(top_two).order_by("code").only("code", "name", "name_en"))


class ActionForm(forms.Form):
    """One step on a case from its page: the action, the version the page showed, and the note.

    What else the step takes is read by the step's own input schema (``params``), the one the JSON API
    and imports use, from the fields its template fragment posts."""

    version = forms.IntegerField(min_value=1, widget=forms.HiddenInput)
    action = forms.ChoiceField(choices=registry.step_choices, widget=forms.HiddenInput)
    assignment = forms.IntegerField(required=False, widget=forms.HiddenInput)
    # Length is checked by the service, which names the limit.
    note = forms.CharField(label=_("说明"), required=False, widget=forms.Textarea(attrs={"rows": 2}))

    def params(self) -> dict:
        """The posted values of the chosen step's schema fields, by the names ``services.transition`` expects."""
        return posted_params(self.data, registry.step(self.cleaned_data["action"]).params)


def posted_params(data, schema) -> dict:
    """A schema's fields from a posted form: every value of a list field, the last value given of another
    (so a button naming a value overrides the empty box before it)."""
    found = {}
    for name, info in schema.model_fields.items():
        values = [value for value in data.getlist(name) if str(value).strip()]
        if values:
            found[name] = values if get_origin(info.annotation) is list else values[-1]
    return found


class DecideForm(forms.Form):
    """审批: agree or refuse a pending request, with an optional note."""

    decision = forms.ChoiceField(choices=[("approve", _("同意")), ("refuse", _("驳回"))])
    version = forms.IntegerField(min_value=1, widget=forms.HiddenInput)
    note = forms.CharField(label=_("审批意见"), required=False, widget=forms.Textarea(attrs={"rows": 2}))


class BulkForm(forms.Form):
    """批量操作 from the queue: the same step on each selected case."""

    action = forms.ChoiceField(label=_("批量操作"), choices=BULK_ACTIONS)
    cases = ListField(label=_("案件"), required=True, error_messages={"required": _("请先勾选案件。")})


class StaffReportForm(ReportForm):
    """受理登记: a matter recorded by centre or grid staff: the report form plus channel, priority, ID number and
    the unit (楼栋, 楼层) a head files from.

    The phone is not required here: a walk-in or a grid worker's own finding may have none. Priority and ID
    number are offered only to those intake lets give them (``details``); the unit only to those with units.
    """

    DETAILS = ("priority", "reporter_id_number")

    channel = forms.ChoiceField(label=_("来源渠道"))
    priority = forms.ChoiceField(label=_("紧急程度"), choices=Priority.choices, initial=Priority.NORMAL)
    reporter_id_number = forms.CharField(label=_("身份证号（选填）"), required=False, max_length=18)
    unit = forms.ChoiceField(label=pgettext_lazy("one unit", "责任单元"), required=False,
                             help_text=_("从您负责的楼栋、楼层上报时选择；案件定位到它所在的网格，可不在地图上选点。"))

    def __init__(self, *args, channels=(), units=(), details=True, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["channel"].choices = [(c.value, c.label) for c in STAFF_CHANNELS if c in channels]
        self.fields["reporter_phone"].required_mark = False
        self.units = {unit.code: unit for unit in units}
        self.fields["unit"].choices = [("", _("不选（按地图或地址定位）")), *unit_choices(units)]
        for name in [*(() if details else self.DETAILS), *(() if units else ("unit",))]:
            del self.fields[name]
        for name in ("channel", *self.DETAILS, "unit"):
            if name in self.fields:
                style(self.fields[name].widget)

    def clean(self):
        data = forms.Form.clean(self)
        self._clean_location(data)
        return data

    def to_report(self):
        data = getattr(self, "cleaned_data", {})
        return replace(super().to_report(), channel=data.get("channel") or "",
                       priority=data.get("priority") or Priority.NORMAL,
                       reporter_id_number=(data.get("reporter_id_number") or "").strip(),
                       unit=self.units.get(data.get("unit") or ""))

    def field_for(self, key: str) -> str | None:
        if key in ("channel", "unit", *self.DETAILS):
            return key if key in self.fields else None
        return super().field_for(key)


def unit_choices(units) -> list[tuple[str, str]]:
    """Each unit after the one above it (鸳鸯湖社区第1网格 1号楼, then 1号楼 3层), floors indented under buildings."""
    return [(unit.code, ("\u3000" if unit.level > AreaLevel.UNIT else "") + f"{unit.parent.name} {unit.name}")
            for unit in units]
