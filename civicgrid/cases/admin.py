"""Administrators keep the reference data (categories, limits, fields, routing rules) and look at cases.

Cases, their assignments, approvals and timeline are view-only here: a case changes only through
``services.transition``, which checks the table, locks the row and writes the timeline. An admin form
that set a status by hand would skip all three.
"""

from django.contrib import admin
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from civicgrid.core import access
from civicgrid.core.choices import PersonalField, Via
from civicgrid.core.validators import mask_id_number, mask_phone
from civicgrid.core.wording import listing

from . import registry, reveal, search
from .models import (
    Approval,
    Assignment,
    Attachment,
    Case,
    CaseEvent,
    Category,
    CategoryField,
    RoutingRule,
    TimeLimit,
)


class TimeLimitInline(admin.TabularInline):
    model = TimeLimit
    extra = 0


class CategoryFieldInline(admin.TabularInline):
    model = CategoryField
    extra = 0


@admin.register(Category)
class CategoryAdmin(admin.ModelAdmin):
    list_display = ("code", "name", "name_en", "kind", "default_lead_department", "is_active")
    list_filter = ("kind", "is_active")
    search_fields = ("^code", "name", "name_en", "synonyms")
    autocomplete_fields = ("parent", "default_lead_department")
    readonly_fields = ("path", "effective_time_limits")
    inlines = [TimeLimitInline, CategoryFieldInline]

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        search.forget()  # this process searches the new names at once, the others within the recheck

    def get_readonly_fields(self, request, obj=None):
        # Subcategories' codes extend this one's, so a saved category keeps its place in the tree.
        return (*self.readonly_fields, "code", "parent") if obj else self.readonly_fields

    @admin.display(description=_("实际时限（含继承）"))
    def effective_time_limits(self, category):
        # Most subcategories set no limit of their own; show what they inherit, and from where.
        if not category.pk:
            return "-"
        limits = [(stage, limit) for stage in registry.stages() if (limit := category.time_limit(stage.code))]
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
    autocomplete_fields = ("category",)


@admin.register(CategoryField)
class CategoryFieldAdmin(admin.ModelAdmin):
    list_display = ("category", "code", "label", "field_type", "required")
    list_filter = ("field_type", "required")
    search_fields = ("code", "label", "category__name")
    autocomplete_fields = ("category",)


@admin.register(RoutingRule)
class RoutingRuleAdmin(SimpleHistoryAdmin):
    """派遣规则, with every change kept (the 历史 button), so a past dispatch can be explained."""

    list_display = ("position", "category", "area_prefix", "lead_department", "co_department_names", "is_active",
                    "note")
    list_display_links = ("position", "category")
    list_filter = ("is_active", "lead_department")
    search_fields = ("category__name", "category__code", "^area_prefix", "lead_department__name", "note")
    list_select_related = ("category", "lead_department")
    autocomplete_fields = ("category", "lead_department", "co_departments")
    history_list_display = ("area_prefix", "lead_department", "is_active")

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("co_departments")

    @admin.display(description=_("协办部门"))
    def co_department_names(self, rule: RoutingRule) -> str:
        return listing(department.name for department in rule.co_departments.all()) or "-"


class ViewOnly:
    """No adding, editing or deleting: these records are written by the workflow alone."""

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class ExactNumberSearch:
    """The search box takes a whole case number: an exact match uses the unique index on a table of
    millions, where the admin's default contains-search would read it all."""

    number_lookup = "number"
    search_help_text = _("输入完整的案件编号。")

    def get_search_results(self, request, queryset, search_term):
        term = search_term.strip()
        return (queryset.filter(**{self.number_lookup: term}) if term else queryset), False


class ViewOnlyInline(ViewOnly, admin.TabularInline):
    extra = 0
    can_delete = False


class AssignmentInline(ViewOnlyInline):
    model = Assignment
    fields = ("department", "role", "status", "dispatched_at", "accept_due_at", "accepted_at", "due_at", "overdue",
              "handled_at", "extensions", "suspended_at")


class ApprovalInline(ViewOnlyInline):
    model = Approval
    fields = ("kind", "status", "assignment", "reason", "requested_by", "requested_at", "decided_by", "decided_at",
              "decision_note")


class AttachmentInline(ViewOnlyInline):
    model = Attachment
    fields = ("file", "name", "content_type", "size", "uploaded_by", "created_at")


class CaseEventInline(ViewOnlyInline):
    model = CaseEvent
    fields = ("created_at", "action_label", "actor", "by", "from_status", "to_status", "note")
    readonly_fields = ("action_label", "by")

    @admin.display(description=_("操作方"))
    def by(self, event: CaseEvent) -> str:
        return event.by

    @admin.display(description=_("操作"))
    def action_label(self, event: CaseEvent) -> str:
        return registry.label(event.action)


@admin.register(Case)
class CaseAdmin(ExactNumberSearch, ViewOnly, admin.ModelAdmin):
    list_display = ("number", "title", "status", "area_code", "category", "channel", "priority", "reported_at",
                    "due_at", "overdue")
    list_filter = ("status", "channel", "priority", "kind", "overdue", "supervised")
    list_select_related = ("category",)
    search_fields = ("number",)
    # Counting a million rows twice per page (filtered and unfiltered) is one count too many.
    show_full_result_count = False
    readonly_fields = ("masked_phone", "masked_id_number")
    fieldsets = [
        (None, {"fields": ("number", "status", "category", "kind", "channel", "priority", "title", "description",
                           "extra")}),
        (_("位置"), {"fields": ("area", "area_code", "centre_area", "address", "longitude", "latitude")}),
        (_("诉求人"), {"fields": ("reporter_name", "masked_phone", "masked_id_number", "anonymous")}),
        (_("时限"), {"fields": ("reported_at", "started_at", "warn_at", "due_at", "overdue", "suspended_at",
                              "closed_at", "updated_at")}),
        (_("其他"), {"fields": ("parent", "duplicate_of", "reported_by", "supervised", "rework_count",
                              "satisfaction", "version")}),
    ]
    inlines = [AssignmentInline, ApprovalInline, AttachmentInline, CaseEventInline]

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        # The page names the reporter: a view of their record, in the access log. Whether to offer the
        # reveal button is the service's to say, for this user.
        if obj is not None:
            reveal.viewed(obj, request.user, access.where(request, Via.ADMIN))
            obj.may_reveal = reveal.may_reveal(request.user, obj)
        return super().render_change_form(request, context, add, change, form_url, obj)

    @admin.display(description=_("联系电话"))
    def masked_phone(self, case: Case):
        return _with_reveal(case, PersonalField.PHONE, mask_phone(case.reporter_phone))

    @admin.display(description=_("身份证号"))
    def masked_id_number(self, case: Case):
        return _with_reveal(case, PersonalField.ID_NUMBER, mask_id_number(case.reporter_id_number))


def _with_reveal(case: Case, field: str, masked: str):
    """The masked number, and for those who may, a link to the page that shows it in full (with a reason)."""
    if not masked or not getattr(case, "may_reveal", False):
        return masked
    return format_html('{} <a class="button" href="{}">{}</a>', masked, reverse("cases:reveal", args=[case.number]),
                       reveal.BUTTONS[field])


@admin.register(Assignment)
class AssignmentAdmin(ExactNumberSearch, ViewOnly, admin.ModelAdmin):
    list_display = ("case", "department", "role", "status", "dispatched_at", "due_at", "overdue", "extensions")
    list_filter = ("status", "role", "overdue")
    list_select_related = ("case", "department")
    search_fields = ("case__number",)
    number_lookup = "case__number"
    show_full_result_count = False


@admin.register(Approval)
class ApprovalAdmin(ExactNumberSearch, ViewOnly, admin.ModelAdmin):
    list_display = ("case", "kind", "status", "assignment", "requested_by", "requested_at", "decided_by",
                    "decided_at")
    list_filter = ("kind", "status")
    list_select_related = ("case", "assignment__case", "assignment__department", "requested_by", "decided_by")
    search_fields = ("case__number",)
    number_lookup = "case__number"
