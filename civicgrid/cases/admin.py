from django.contrib import admin
from django.utils.html import format_html_join
from django.utils.translation import gettext_lazy as _

from .choices import Stage
from .models import Category, CategoryField, TimeLimit


class TimeLimitInline(admin.TabularInline):
    model = TimeLimit
    extra = 0


class CategoryFieldInline(admin.TabularInline):
    model = CategoryField
    extra = 0


@admin.register(Category)
class CategoryAdmin(admin.ModelAdmin):
    list_display = ("code", "name", "kind", "default_lead_department", "is_active")
    list_filter = ("kind", "is_active")
    search_fields = ("code", "name")
    raw_id_fields = ("parent", "default_lead_department")
    readonly_fields = ("effective_time_limits",)
    inlines = [TimeLimitInline, CategoryFieldInline]

    def get_readonly_fields(self, request, obj=None):
        # Subcategories' codes extend this one's, so a saved category keeps its place in the tree.
        return (*self.readonly_fields, "code", "parent") if obj else self.readonly_fields

    @admin.display(description=_("实际时限（含继承）"))
    def effective_time_limits(self, category):
        # Most subcategories set no limit of their own; show what they inherit, and from where.
        if not category.pk:
            return "-"
        limits = [(stage, limit) for stage in Stage if (limit := category.time_limit(stage))]
        rows = [
            (stage.label, limit.amount, limit.get_unit_display(), _source(limit, category)) for stage, limit in limits
        ]
        return format_html_join("", "<div>{}：{} {}（{}）</div>", rows) or "-"


def _source(limit, category) -> str:
    return _("本分类") if limit.category_id == category.pk else _("继承自 %(category)s") % {"category": limit.category}


@admin.register(TimeLimit)
class TimeLimitAdmin(admin.ModelAdmin):
    list_display = ("category", "stage", "amount", "unit")
    list_filter = ("stage", "unit")
    search_fields = ("category__code", "category__name")
    raw_id_fields = ("category",)


@admin.register(CategoryField)
class CategoryFieldAdmin(admin.ModelAdmin):
    list_display = ("category", "code", "label", "field_type", "required")
    list_filter = ("field_type", "required")
    search_fields = ("code", "label", "category__name")
    raw_id_fields = ("category",)
