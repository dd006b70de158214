"""Cases taken along the loop to the state a test needs, at grid A or grid B, by staff of their own township made
for it (not the persona under test, whose lists and task list are what the test reads): the ``loop`` fixture."""

from datetime import timedelta

from django.utils import timezone

from civicgrid.cases.intake import file_case
from civicgrid.cases.models import Case
from civicgrid.cases.services import transition
from civicgrid.testing import factories
from civicgrid.testing.factories import GRID_A_POINT

POINTS = {"a": GRID_A_POINT, "b": (109.73, 38.29)}
# The loop up to each state: the step, who takes it (a role of the case's township) and its input.
PATH = {
    "registered": ("register", "intake_clerk"),
    "dispatched": ("dispatch", "dispatcher"),
    "accepted": ("accept", "dept_handler"),
    "handled": ("handle", "dept_handler"),
    "verified": ("verify", "grid_worker"),
    "closed": ("close", "shift_lead"),
}


class Loop:
    """``loop.case("handled", where="b")``: a case of 暴露垃圾 filed by a resident and taken that far."""

    def __init__(self, category, areas, department):
        self.category, self.areas, self.department = category, areas, department
        self.people: dict = {}

    def staff(self, role: str, where: str):
        """The loop's own staff member of ``role`` in township ``where`` (the department serves both)."""
        if role == "dept_handler":
            anchor, username = {"department": self.department}, "loop_handler"
        else:
            anchor = {"area": self.areas[("grid_" if role == "grid_worker" else "township_") + where]}
            username = f"loop_{role}_{where}"
        if username not in self.people:
            self.people[username] = factories.staff_with_role(role, username=username, **anchor)
        return self.people[username]

    def case(self, state: str = "reported", where: str = "a", title: str = "暴露垃圾") -> Case:
        case = file_case(factories.report(self.category, point=POINTS[where], title=title))
        steps = list(PATH.values())[:list(PATH).index(state) + 1] if state in PATH else []
        for action, role in steps:
            self.take(case, action, self.staff(role, where))
        return case

    def take(self, case, action: str, actor) -> None:
        assignment = case.assignments.first()
        params = {"lead": self.department.pk} if action == "dispatch" else {}
        transition(case, action, actor, assignment=assignment if action in ("accept", "handle") else None,
                   note="已处理" if action == "handle" else "", **params)
        case.refresh_from_db()


def overdue(case, hours: int = 2) -> None:
    """The clock of the case's stage ran out ``hours`` ago (the sweep would mark it; the list reads the time)."""
    Case.objects.filter(pk=case.pk).update(due_at=timezone.now() - timedelta(hours=hours))


def due_in(case, hours: int) -> None:
    """The clock of the case's stage runs out in ``hours``."""
    Case.objects.filter(pk=case.pk).update(due_at=timezone.now() + timedelta(hours=hours))
