"""JSON API for a department's inbox (部门待办): the assignments of the caller's departments.

签收 and 处理反馈 are steps like any other: ``POST /cases/{number}/actions`` with the assignment's id.
A client application sees the inbox of its staff account's departments, inside its area.
"""

from typing import Literal

from django.http import Http404
from ninja import Query, Router, Schema
from pydantic import Field

from civicgrid.core.http import pagination
from civicgrid.core.http.grants import Grant
from civicgrid.core.http.shared import Id, with_errors

from ..choices import AssignmentStatus, Light
from ..filters import ASSIGNMENT_FILTERS, apply
from ..forms.staff import ACTIVE
from ..models import Assignment
from ..schemas import AssignmentOut, assignment_out

assignments = Router(tags=["assignments"])
ALL = "all"


class AssignmentList(Schema):
    items: list[AssignmentOut]
    next: str | None = Field(description="Pass as `cursor` for the next page; null at the end.")


def inbox(principal):
    """Assignments of the caller's departments on cases the caller may see."""
    departments = principal.actor.scope.department_ids if principal.actor is not None else set()
    return principal.restrict(Assignment.objects.with_light()).filter(department_id__in=departments)


@assignments.get("", response=with_errors({200: AssignmentList}),
                 summary="The caller's departments' assignments, newest first (open ones unless status is given)")
def assignment_list(request, status: Literal[(ACTIVE, ALL, *AssignmentStatus.values)] = ACTIVE,
                    light: Light | None = None, cursor: str | None = Query(None, max_length=200),
                    limit: int = Query(pagination.PAGE_SIZE, ge=1, le=pagination.MAX_PAGE_SIZE)):
    request.auth.require(Grant.READ)
    found = apply(inbox(request.auth), {"status": None if status == ALL else status, "light": light.value if light else None},
                  ASSIGNMENT_FILTERS).select_related("case", "department")
    rows, following = pagination.page(found, "dispatched_at", cursor, limit)
    return {"items": [assignment_out(a) for a in rows], "next": following}


@assignments.get("/{int:assignment_id}", response=with_errors({200: AssignmentOut}), summary="One assignment")
def assignment_read(request, assignment_id: Id):
    request.auth.require(Grant.READ)
    found = inbox(request.auth).select_related("case", "department").filter(pk=assignment_id).first()
    if found is None:
        raise Http404
    return assignment_out(found)
