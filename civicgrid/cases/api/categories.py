"""JSON API for categories (事项分类): reference data of the whole city, open to every authenticated caller.

The list walks the tree one level at a time; a category's own page adds what filing needs: the extra
fields it and its ancestors ask for, and the time limit of every stage at every priority, each resolved
the way the deadlines of a real case would be.
"""

from django.db.models import Exists, OuterRef
from django.http import Http404
from ninja import Router, Schema

from civicgrid.core.choices import TimeUnit
from civicgrid.core.http.shared import with_errors

from .. import codes, deadlines, registry
from ..choices import FieldType, Priority
from ..models import Category
from ..schemas import CategoryCode

categories = Router(tags=["categories"])


class CategoryOut(Schema):
    code: str
    name: str
    name_en: str
    parent: str | None
    kind: str
    kind_label: str
    is_leaf: bool
    description_max_length: int


class CategoryList(Schema):
    items: list[CategoryOut]


class FieldOut(Schema):
    code: str
    label: str
    datatype: str
    datatype_label: str
    required: bool
    choices: list[str]
    max_length: int | None


class LimitOut(Schema):
    stage: str
    stage_label: str
    priority: str
    amount: float
    unit: str
    unit_label: str


class CategoryDetail(CategoryOut):
    ancestors: list[CategoryOut]
    fields: list[FieldOut]
    time_limits: list[LimitOut]


def out(category: Category) -> dict:
    """A category read through ``_active()``, which says whether it is a leaf."""
    return {"code": category.code, "name": category.name, "name_en": category.name_en,
            "parent": codes.parent_code(category.code),
            "kind": category.kind, "kind_label": _kind_label(category.kind), "is_leaf": category.is_leaf,
            "description_max_length": category.description_max_length}


def field_out(field) -> dict:
    return {"code": field.code, "label": field.label, "datatype": field.field_type,
            "datatype_label": str(FieldType(field.field_type).label), "required": field.required,
            "choices": list(field.choices or []), "max_length": field.max_length}


def _kind_label(code: str) -> str:
    kind = registry.kind(code)
    return str(kind.label) if kind else code


def limits(category: Category) -> list[dict]:
    """Each stage its kind passes through (as the kind registered them), at each priority."""
    cache, kind = deadlines.LimitCache(), registry.kind(category.kind)
    stages = [stage for stage in registry.stages() if kind and stage.code in kind.limits]
    return [_limit(stage, priority, *cache.get(category, stage.code, priority)) for priority in Priority.values
            for stage in stages]


def _limit(stage, priority, amount, unit) -> dict:
    return {"stage": stage.code, "stage_label": str(stage.label), "priority": priority, "amount": amount,
            "unit": unit, "unit_label": str(TimeUnit(unit).label)}


def _active():
    children = Category.objects.filter(parent=OuterRef("pk"), is_active=True)
    return Category.objects.filter(is_active=True).annotate(is_leaf=~Exists(children))


@categories.get("", response=with_errors({200: CategoryList}), summary="The tree, a level at a time")
def category_list(request, parent: CategoryCode | None = None):
    if parent and not _active().filter(code=parent).exists():
        raise Http404
    found = _active().filter(parent__code=parent) if parent else _active().filter(parent__isnull=True)
    return {"items": [out(c) for c in found.order_by("ordering", "code")]}


@categories.get("/{code}", response=with_errors({200: CategoryDetail}), summary="One category, its fields and limits")
def category_detail(request, code: CategoryCode):
    category = _active().filter(code=code).first()
    if category is None:
        raise Http404
    ancestors = _active().filter(code__in=category.lineage_codes()[:-1]).order_by("code")
    return {**out(category), "ancestors": [out(a) for a in ancestors],
            "fields": [field_out(f) for f in category.all_fields()], "time_limits": limits(category)}
