from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from civicgrid.core.choices import TimeUnit

from .. import codes, registry, spelling
from ..choices import CHOICE_TYPES, CaseKind, FieldType
from ..extra import extra_value_errors, is_list_of_strings


class Category(models.Model):
    """事项分类: a node of the city-wide category tree (大类/小类 and deeper) that every case is filed under.

    ``code`` is the dotted path of positions from the top (see ``codes``: 01 / 01.02 / 01.02.003), so a
    category's ancestors are the prefixes of its code and sorting by code lists the tree depth first.
    Time limits and extra fields set on a category hold for all its subcategories unless one sets its own.
    Categories are reference data shared by the whole city, so they are not scoped to areas.

    ``name_en`` is shown when the reader's language is English. The search reads the columns that are not
    editable (``spelling``): they are worked out from the names whenever a category is saved or imported.
    """

    code = models.CharField(_("编码"), max_length=32, unique=True, validators=[codes.validate_code])
    name = models.CharField(_("名称"), max_length=100)
    name_en = models.CharField(_("英文名称"), max_length=100, blank=True,
                               help_text=_("界面语言为英文时显示；留空则显示中文名称。"))
    synonyms = models.TextField(
        _("同义词"), blank=True,
        help_text=_("居民可能的说法，用顿号分隔，如：灯不亮、路灯坏了、街灯。查找类别时与名称、拼音和路径一起检索。"),
    )
    pinyin = models.TextField(_("全拼"), blank=True, editable=False)
    initials = models.CharField(_("拼音首字母"), max_length=200, blank=True, editable=False)
    terms = models.TextField(_("检索名称"), blank=True, editable=False)
    path = models.TextField(_("路径"), blank=True, editable=False)
    path_en = models.TextField(_("英文路径"), blank=True, editable=False)
    parent = models.ForeignKey(
        "self", verbose_name=_("上级"), null=True, blank=True, on_delete=models.PROTECT, related_name="children"
    )
    kind = models.CharField(_("事项类型"), max_length=16, choices=registry.kind_choices, default=CaseKind.REQUEST)
    default_lead_department = models.ForeignKey(
        "orgs.Department", verbose_name=_("默认主办部门"), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="lead_categories",
    )
    is_active = models.BooleanField(_("启用"), default=True)
    ordering = models.PositiveIntegerField(_("排序"), default=0, help_text=_("同一上级下的显示顺序。"))
    duplicate_radius_m = models.PositiveIntegerField(
        _("查重半径(米)"), default=200, help_text=_("受理时提示这一半径内同类未办结案件。")
    )
    duplicate_days = models.PositiveIntegerField(_("查重天数"), default=7, help_text=_("只提示这些天内上报的案件。"))
    description_max_length = models.PositiveIntegerField(
        _("描述最大长度"), default=2000, validators=[MinValueValidator(10)]
    )

    class Meta:
        verbose_name = _("事项分类")
        verbose_name_plural = _("事项分类")
        ordering = ["code"]
        constraints = [
            # The importers find a category by its chain of names, so names must not repeat among siblings.
            models.UniqueConstraint(fields=["parent", "name"], name="cases_category_unique_name_in_parent"),
            models.UniqueConstraint(
                fields=["name"], condition=models.Q(parent__isnull=True), name="cases_category_unique_top_name"
            ),
        ]

    def __str__(self):
        return f"{self.code} {self.name}"

    def save(self, *args, **kwargs):
        adding = self._state.adding
        moved = spelling.spell(self, self.parent)
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], *spelling.SPELLED}
        super().save(*args, **kwargs)
        if moved and not adding:
            self.spell_below()

    def spell_below(self) -> None:
        """Spell the subcategories again: their paths hold this category's names."""
        below = list(Category.objects.filter(code__startswith=f"{self.code}."))
        Category.objects.bulk_update(spelling.spell_tree([self, *below]), spelling.SPELLED, batch_size=200)

    @property
    def display_name(self) -> str:
        """The name in the reader's language: English when the page is English and the category has one."""
        return self.name_en if self.name_en and _english() else self.name

    @property
    def display_path(self) -> str:
        """The names from the top down, in the reader's language."""
        return (self.path_en if _english() else self.path) or self.display_name

    def clean(self):
        expected = self.parent.code if self.parent else None
        if self.code and codes.parent_code(self.code) != expected:
            raise ValidationError({"code": _("编码应为上级编码“%(parent)s”下一级，如 %(example)s。") % {
                "parent": expected or "", "example": codes.child_code(expected, 1)}})

    def lineage_codes(self) -> list[str]:
        """The codes of the ancestors from the top down, then this category's own."""
        return [*codes.ancestor_codes(self.code), self.code]

    def time_limit(self, stage: str) -> "TimeLimit | None":
        """This category's limit for the stage, or else its nearest ancestor's; None when no one sets one."""
        found = TimeLimit.objects.filter(category__code__in=self.lineage_codes(), stage=stage)
        return max(found.select_related("category"), key=lambda limit: len(limit.category.code), default=None)

    def all_fields(self) -> list["CategoryField"]:
        """Extra fields of the ancestors and then this category's own; a nearer field overrides one with its code.

        Read once per instance: intake asks more than once per report. An instance lives for one request, or for
        ``CIVICGRID_REFERENCE_RECHECK_S`` with a published service in ``open311.services.RECENT_SERVICES``.
        """
        if "_all_fields" not in self.__dict__:
            self.__dict__["_all_fields"] = self._read_fields()
        return self.__dict__["_all_fields"]

    def _read_fields(self) -> list["CategoryField"]:
        read_all_fields([self])
        return self.__dict__["_all_fields"]

    def extra_value_errors(self, values: dict) -> dict[str, str]:
        """Check a case's extra values against ``all_fields()``: {field code: message}, empty when all is well."""
        return extra_value_errors(self.all_fields(), values)


def _english() -> bool:
    return (get_language() or "").startswith("en")


def read_all_fields(categories) -> None:
    """``all_fields()`` of each of ``categories``, read for all of them in one query and kept on each."""
    categories = list(categories)
    rows = CategoryField.objects.filter(category__code__in={c for cat in categories for c in cat.lineage_codes()}) \
        .select_related("category")
    by_code: dict[str, list[CategoryField]] = {}
    for row in sorted(rows, key=lambda f: (len(f.category.code), f.pk)):
        by_code.setdefault(row.category.code, []).append(row)
    for category in categories:
        nearest = {f.code: f for code in category.lineage_codes() for f in by_code.get(code, [])}
        category.__dict__["_all_fields"] = list(nearest.values())


class TimeLimit(models.Model):
    """办理时限: how long one stage of a case in this category (and its subcategories) may take."""

    category = models.ForeignKey(Category, verbose_name=_("事项分类"), on_delete=models.CASCADE, related_name="time_limits")
    stage = models.CharField(_("环节"), max_length=16, choices=registry.stage_choices)
    amount = models.PositiveIntegerField(_("时限"), validators=[MinValueValidator(1)])
    unit = models.CharField(_("单位"), max_length=16, choices=TimeUnit.choices)

    class Meta:
        verbose_name = _("办理时限")
        verbose_name_plural = _("办理时限")
        ordering = ["category__code", "stage"]
        constraints = [models.UniqueConstraint(fields=["category", "stage"], name="cases_timelimit_one_per_stage")]

    def __str__(self):
        return f"{self.get_stage_display()} {self.amount} {self.get_unit_display()}"


class CategoryField(models.Model):
    """附加字段: an extra value a case in this category (and its subcategories) records, such as 涉及人数."""

    category = models.ForeignKey(
        Category, verbose_name=_("事项分类"), on_delete=models.CASCADE, related_name="extra_fields"
    )
    code = models.SlugField(_("字段编码"), max_length=50)
    label = models.CharField(_("名称"), max_length=50)
    field_type = models.CharField(_("类型"), max_length=16, choices=FieldType.choices, default=FieldType.TEXT)
    required = models.BooleanField(_("必填"), default=False)
    choices = models.JSONField(_("可选项"), default=list, blank=True, help_text=_("单选、多选字段的选项，字符串列表。"))
    max_length = models.PositiveIntegerField(_("最大长度"), null=True, blank=True, help_text=_("只用于文本字段。"))

    class Meta:
        verbose_name = _("附加字段")
        verbose_name_plural = _("附加字段")
        ordering = ["category__code", "pk"]
        constraints = [models.UniqueConstraint(fields=["category", "code"], name="cases_categoryfield_unique_code")]

    def __str__(self):
        return self.label

    def clean(self):
        if self.field_type in CHOICE_TYPES and not is_list_of_strings(self.choices, nonempty=True):
            raise ValidationError({"choices": _("单选、多选字段须给出选项：非空的字符串列表。")})
        if self.field_type not in CHOICE_TYPES and self.choices:
            raise ValidationError({"choices": _("只有单选、多选字段才有选项。")})
        if self.max_length and self.field_type != FieldType.TEXT:
            raise ValidationError({"max_length": _("最大长度只用于文本字段。")})


