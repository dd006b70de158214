"""Residents' forms: report a matter, look a case up by number and phone, rate the result.

The forms only read and tidy what was typed. Whether a report can be filed is ``intake.file_case``'s
call; its ``InvalidInput.errors`` come back through ``ReportForm.add_problems`` next to the field
they are about, so the resident sees every problem at once and keeps what they typed.
"""

import math
import re

from django import forms
from django.utils.translation import gettext_lazy as _

from civicgrid.core.validators import tidy_phone

from ..choices import Channel, FieldType, Satisfaction
from ..intake import Report
from ..models import Category
from ..models.cases import ADDRESS_MAX, NAME_MAX, NOTE_MAX, TITLE_MAX

UPLOAD_ACCEPT = "image/*,application/pdf,video/mp4"
NUMBER_MAX = 32
# Where each of intake's error keys is shown; "extra.<code>" and "files.<name>" are mapped by prefix.
PROBLEM_FIELDS = {"location": "longitude", "category": "category", "title": "title", "description": "description",
                  "address": "address", "reporter_name": "reporter_name", "reporter_phone": "reporter_phone"}


def tidy_number(value: str) -> str:
    """Case numbers are read out over the phone and typed without dashes: 6108022026112100042 works too."""
    value = re.sub(r"\s", "", value or "").upper()
    if re.fullmatch(r"\d{19}", value):
        return f"{value[:6]}-{value[6:14]}-{value[14:]}"
    return value


class MultipleFileInput(forms.FileInput):
    allow_multiple_selected = True


class PhotosField(forms.Field):
    """Any number of uploads, passed on unchecked: ``attachments.check`` names the type and size limits."""

    widget = MultipleFileInput

    def to_python(self, value):
        return [upload for upload in (value or []) if upload]


class MultiValueField(forms.Field):
    """Ticked options of a 多选 field, passed on as typed so that intake's message names the field."""

    def to_python(self, value):
        return [item for item in (value or []) if item]


class ReportForm(forms.Form):
    """群众反映: what a resident tells us, plus the extra fields of the category they chose."""

    category = forms.CharField(label=_("事项分类"), required=False, max_length=20)
    title = forms.CharField(label=_("标题"), required=False, strip=True,
                            widget=forms.TextInput(attrs={"maxlength": TITLE_MAX, "autocomplete": "off",
                                                          "placeholder": _("一句话说明问题，如：小区门口垃圾堆积")}))
    description = forms.CharField(label=_("详细描述"), required=False,
                                  widget=forms.Textarea(attrs={"rows": 5, "placeholder": _(
                                      "发生了什么、从什么时候开始、影响到谁")}))
    longitude = forms.CharField(required=False, widget=forms.HiddenInput, max_length=40)
    latitude = forms.CharField(required=False, widget=forms.HiddenInput, max_length=40)
    address = forms.CharField(label=_("地址"), required=False,
                              widget=forms.TextInput(attrs={"maxlength": ADDRESS_MAX, "autocomplete": "street-address",
                                                            "placeholder": _("如：鼓楼街道新建路12号门口")}))
    photos = PhotosField(label=_("照片"), required=False, widget=MultipleFileInput(attrs={"accept": UPLOAD_ACCEPT}))
    reporter_name = forms.CharField(label=_("姓名"), required=False,
                                    widget=forms.TextInput(attrs={"maxlength": NAME_MAX, "autocomplete": "name"}))
    reporter_phone = forms.CharField(label=_("手机号"), required=False, max_length=20,
                                     widget=forms.TextInput(attrs={"inputmode": "tel", "autocomplete": "tel",
                                                                   "placeholder": "138 0000 0000"}))
    anonymous = forms.BooleanField(label=_("匿名反映（不留姓名）"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.chosen = self._chosen_category()
        self.extra_fields = self.chosen.all_fields() if self.chosen else []
        for field in self.extra_fields:
            self.fields[extra_name(field.code)] = extra_form_field(field)
        for name in ("title", "description", "reporter_phone"):
            self.fields[name].required_mark = True
        for field in self.fields.values():
            style(field.widget)
        self.fields["description"].widget.attrs["maxlength"] = self.description_limit

    def _chosen_category(self) -> Category | None:
        value = str((self.data if self.is_bound else self.initial).get("category") or "").strip()
        if not (value.isascii() and value.isdigit()) or len(value) > 18:
            return None
        return Category.objects.filter(pk=int(value), is_active=True).first()

    def clean_reporter_phone(self):
        return tidy_phone(self.cleaned_data["reporter_phone"])

    def clean(self):
        data = super().clean()
        self._clean_location(data)
        if not data.get("anonymous") and not data.get("reporter_phone") and "reporter_phone" not in self.errors:
            self.add_error("reporter_phone", _("请填写手机号：凭案件编号和手机号查询办理进度。不愿留手机号请勾选匿名。"))
        return data

    def _clean_location(self, data) -> None:
        """Both coordinates or neither; a half-given or unreadable point is refused here."""
        texts = [(data.get(name) or "").strip() for name in ("longitude", "latitude")]
        data["longitude"] = data["latitude"] = None
        if not any(texts):
            return
        try:
            lon, lat = (float(text) for text in texts)
        except ValueError:
            lon = lat = math.nan
        if not (math.isfinite(lon) and math.isfinite(lat)):
            self.add_error("longitude", _("位置坐标无效，请在地图上重新选点。"))
            return
        data["longitude"], data["latitude"] = lon, lat

    def to_report(self) -> Report:
        """What intake needs; fields that failed the form's own checks are passed on empty."""
        data = getattr(self, "cleaned_data", {})
        return Report(
            category=self.chosen, title=data.get("title") or "", description=data.get("description") or "",
            channel=Channel.WEB, longitude=data.get("longitude"), latitude=data.get("latitude"),
            address=data.get("address") or "", reporter_name=data.get("reporter_name") or "",
            reporter_phone=data.get("reporter_phone") or "", anonymous=bool(data.get("anonymous")),
            extra=self._extra_values(data), files=data.get("photos") or [],
        )

    def _extra_values(self, data) -> dict:
        values = {field.code: data.get(extra_name(field.code)) for field in self.extra_fields}
        return {code: value for code, value in values.items() if value not in (None, "", [])}

    def add_problems(self, problems: dict) -> None:
        """Show intake's {key: message} next to their fields; a field keeps the first message it got."""
        for key, message in problems.items():
            name = self.field_for(key)
            if name is None or name not in self.errors:
                self.add_error(name, message)

    def field_for(self, key: str) -> str | None:
        if key.startswith("extra."):
            name = extra_name(key.removeprefix("extra."))
            return name if name in self.fields else None
        if key.startswith("files."):
            return "photos"
        return PROBLEM_FIELDS.get(key)

    def mark_invalid(self) -> None:
        """Bootstrap's red outline on every field with a message."""
        for name in self.errors:
            if name in self.fields:
                attrs = self.fields[name].widget.attrs
                attrs["class"] = f"{attrs.get('class', '')} is-invalid".strip()
                attrs["aria-invalid"] = "true"

    @property
    def description_limit(self) -> int:
        return self.chosen.description_max_length if self.chosen else 2000

    def extra_bound_fields(self) -> list:
        return [self[extra_name(field.code)] for field in self.extra_fields]


def style(widget) -> None:
    """Bootstrap's class for the kind of input."""
    if isinstance(widget, forms.HiddenInput):
        return
    if isinstance(widget, (forms.CheckboxInput, forms.CheckboxSelectMultiple, forms.RadioSelect)):
        css = "form-check-input"
    else:
        css = "form-select" if isinstance(widget, forms.Select) else "form-control"
    widget.attrs["class"] = css


def extra_name(code: str) -> str:
    return f"extra_{code}"


def extra_form_field(field) -> forms.Field:
    """A typed input for one 附加字段; values are checked by intake so that its messages name the field."""
    options = {"label": field.label, "required": False}
    choices = [(choice, choice) for choice in field.choices or []]
    if field.field_type == FieldType.MULTI_CHOICE:
        made = MultiValueField(widget=forms.CheckboxSelectMultiple(choices=choices), **options)
    elif field.field_type == FieldType.CHOICE:
        made = forms.CharField(widget=forms.Select(choices=[("", _("请选择")), *choices]), **options)
    else:
        made = forms.CharField(widget=EXTRA_WIDGETS[field.field_type](field), **options)
    made.required_mark = field.required
    return made


EXTRA_WIDGETS = {
    FieldType.TEXT: lambda field: forms.TextInput(attrs={"maxlength": field.max_length} if field.max_length else {}),
    FieldType.NUMBER: lambda field: forms.NumberInput(attrs={"step": "any", "inputmode": "decimal"}),
    FieldType.DATE: lambda field: forms.DateInput(attrs={"type": "date"}),
}


class TrackForm(forms.Form):
    """查询进度: the case number and the phone number given when reporting."""

    number = forms.CharField(label=_("案件编号"), max_length=NUMBER_MAX,
                             widget=forms.TextInput(attrs={"placeholder": "610802-20260101-00001",
                                                           "autocomplete": "off", "inputmode": "numeric"}))
    phone = forms.CharField(label=_("手机号"), max_length=20,
                            widget=forms.TextInput(attrs={"inputmode": "tel", "autocomplete": "tel"}))

    def clean_number(self):
        return tidy_number(self.cleaned_data["number"])

    def clean_phone(self):
        return tidy_phone(self.cleaned_data["phone"])


class CallbackForm(forms.Form):
    """回访评价: how the resident rates the result; an unsatisfied answer sends the case back to work."""

    satisfaction = forms.ChoiceField(label=_("您对办理结果是否满意？"), choices=Satisfaction.choices,
                                     widget=forms.RadioSelect,
                                     error_messages={"required": _("请选择满意、基本满意或不满意。")})
    # No max_length here: services.transition refuses a long note with the limit named.
    note = forms.CharField(label=_("意见或建议（选填）"), required=False,
                           widget=forms.Textarea(attrs={"rows": 3, "maxlength": NOTE_MAX}))
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=0, error_messages={
        "required": _("页面已过期，请刷新后再评价。"), "invalid": _("页面已过期，请刷新后再评价。"),
        "min_value": _("页面已过期，请刷新后再评价。")})
