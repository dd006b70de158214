from django import forms
from django.utils.translation import gettext_lazy as _

from .models import PersonalToken

NAME_MAX = PersonalToken._meta.get_field("name").max_length


class TokenForm(forms.Form):
    name = forms.CharField(label=_("用途"), max_length=NAME_MAX, help_text=_("如“科室统计脚本”，便于日后辨认和吊销。"))
    days = forms.IntegerField(label=_("有效天数"), min_value=1, max_value=366, required=False,
                              help_text=_("留空表示长期有效，直到吊销。"))
