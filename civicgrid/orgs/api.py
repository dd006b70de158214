"""JSON API for departments (职能部门), those inside the caller's scope and those serving it, and for the
caller's own task list (我的任务, ``GET /tasks``).

A township dispatcher sends cases to county departments that serve the township, which sit above the
dispatcher's own scope, so those are visible too; ``serving=<area code>`` lists the departments dispatch
would offer for an area the caller may see.
"""

from dataclasses import asdict
from datetime import UTC, datetime

from django.db.models import Q
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import Query, Router, Schema
from pydantic import Field

from civicgrid.core.http.shared import Code, Id, text, with_errors
from civicgrid.geo.models import Area

from . import services
from .models import Department
from .services import serving_departments

router = Router(tags=["departments"])
MAX_DEPARTMENTS = 200


class DepartmentOut(Schema):
    id: int
    code: str
    name: str
    area_code: str
    area_name: str
    served_areas: list[str]


class DepartmentList(Schema):
    items: list[DepartmentOut]


def out(department: Department) -> dict:
    return {"id": department.pk, "code": department.code, "name": department.name,
            "area_code": department.area.code, "area_name": department.area.name,
            "served_areas": [area.code for area in department.served_areas.all()]}


def _loaded(queryset):
    return queryset.select_related("area").prefetch_related("served_areas")


def visible(principal):
    """Departments in the caller's scope, and those serving an area at or above or below its top nodes."""
    roots = Area.objects.filter(code__in=principal.root_codes())
    serving = {d.pk for root in roots for d in serving_departments(root.code)}
    inside = principal.restrict(Department.objects.all()).values("pk")
    return _loaded(Department.objects.filter(Q(pk__in=serving) | Q(pk__in=inside)))


@router.get("", response=with_errors({200: DepartmentList}), summary="Departments in scope, or serving an area")
def department_list(request, serving: Code | None = None, q: text(50) | None = None,
                    limit: int = Query(MAX_DEPARTMENTS, ge=1, le=MAX_DEPARTMENTS)):
    found = visible(request.auth)
    if serving is not None:
        area = request.auth.get(Area.objects.all(), code=serving)
        found = found.filter(pk__in=[d.pk for d in serving_departments(area.code)])
    if q:
        found = found.filter(name__icontains=q)
    return {"items": [out(d) for d in found.order_by("area__code", "code")[:limit]]}


@router.get("/{int:department_id}", response=with_errors({200: DepartmentOut}), summary="One department")
def department_detail(request, department_id: Id):
    found = visible(request.auth).filter(pk=department_id).first()
    if found is None:
        raise Http404
    return out(found)


# ---- 我的任务: the caller's own task list, what the phone app works from

tasks = Router(tags=["tasks"])


class TaskOut(Schema):
    kind: str = Field(description="What kind of task it is, in the language of the request (待核查, 零报告 …).")
    title: str
    url: str = Field(description="The page where the task is done (a path on this site).")
    due_at: datetime | None
    overdue: bool
    place: str
    count: int = Field(description="How many matters the line stands for: 1, or the rest of a long list.")


class KindCount(Schema):
    kind: str
    count: int


class TaskListOut(Schema):
    items: list[TaskOut] = Field(description="Overdue first, then the soonest due, then those without a deadline.")
    total: int
    overdue: int
    kinds: list[KindCount]


@tasks.get("", response=with_errors({200: TaskListOut}), summary="The caller's task list (我的任务), overdue first")
def task_list(request):
    user = request.auth.staff(_("只有工作人员本人才有任务清单；客户端应用不能查看。"))
    now = timezone.now()
    found = services.task_list(user, now)
    items = [{**asdict(task), "due_at": task.due_at and task.due_at.astimezone(UTC), "overdue": task.overdue(now)}
             for task in found.tasks]
    return {"items": items, "total": found.total, "overdue": found.overdue,
            "kinds": [{"kind": kind, "count": count} for kind, count in found.kinds]}
