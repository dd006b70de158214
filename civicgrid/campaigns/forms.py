"""The campaign form: name, organising area, period, kinds and category branches, and a target per area below.

The form reads and shapes what was posted; whether it makes a campaign (who may, the period, the areas)
is ``services.create``'s to say."""

from django import forms
from django.utils.translation import gettext_lazy as _

from civicgrid.cases import registry
from civicgrid.cases.forms.staff import category_choices

from .services import Draft

TARGET_PREFIX = "target-"


class CampaignForm(forms.Form):
    name = forms.CharField(label=_("行动名称"), max_length=100)
    starts_on = forms.DateField(label=_("开始日期"), widget=forms.DateInput(attrs={"type": "date"}))
    ends_on = forms.DateField(label=_("结束日期"), widget=forms.DateInput(attrs={"type": "date"}))
    kinds = forms.MultipleChoiceField(label=_("事项类型"), required=False, widget=forms.CheckboxSelectMultiple)
    categories = forms.MultipleChoiceField(label=_("事项分类（可选，限定到这些分类）"), required=False)

    def __init__(self, *args, area, target_areas, **kwargs):
        super().__init__(*args, **kwargs)
        self.area, self.target_areas = area, target_areas
        self.fields["kinds"].choices = registry.kind_choices()
        self.categories = {str(c.pk): c for c in category_choices()}
        self.fields["categories"].choices = [(pk, f"{c.code} {c.display_name}") for pk, c in self.categories.items()]
        for target in target_areas:
            self.fields[TARGET_PREFIX + target.code] = forms.IntegerField(
                label=target.name, required=False, min_value=0, widget=forms.NumberInput(attrs={"min": 0}))

    def target_fields(self):
        return [self[TARGET_PREFIX + target.code] for target in self.target_areas]

    def draft(self) -> Draft:
        data = self.cleaned_data
        targets = {area: data[TARGET_PREFIX + area.code] for area in self.target_areas
                   if data.get(TARGET_PREFIX + area.code)}
        return Draft(name=data["name"], area=self.area, starts_on=data["starts_on"], ends_on=data["ends_on"],
                     kinds=data["kinds"], categories=[self.categories[pk] for pk in data["categories"]],
                     targets=targets)
