"""What the case page's fragments need besides the case: the spine's steps' (registered as each step's
``context`` in ``spine.py`` and called only when the step is offered), and the reporter's numbers."""

from dataclasses import dataclass

from civicgrid.core.choices import PersonalField
from civicgrid.core.validators import mask_id_number, mask_phone

from .. import duplicates, reveal, routing
from ..choices import AssignmentStatus, Satisfaction


@dataclass
class DepartmentOption:
    """A department serving the case's area, marked as the routing rules' proposal and as busy on the case."""

    department: object
    lead: bool
    co: bool
    busy: bool


def dispatch_context(user, case, assignments) -> dict:
    """The serving departments with the routing rules' proposal pre-selected and marked as one (系统建议)."""
    departments = _department_options(case, assignments, propose=True)
    return {"departments": departments, "proposed": any(option.lead or option.co for option in departments)}


def summon_context(user, case, assignments) -> dict:
    return {"departments": _department_options(case, assignments, propose=False)}


def _department_options(case, assignments, propose: bool) -> list[DepartmentOption]:
    route = routing.propose(case.category, case.area_code) if propose else routing.Route(None)
    lead, co = getattr(route.lead, "pk", None), {d.pk for d in route.co}
    busy = {a.department_id for a in assignments if a.status != AssignmentStatus.RETURNED}
    return [DepartmentOption(d, d.pk == lead, d.pk in co, d.pk in busy)
            for d in routing.serving_departments(case.area_code)]


def merge_context(user, case, assignments) -> dict:
    """Suggested originals for 合并, only those the user may see."""
    return {"duplicates": [(c, round(distance)) for c, distance in duplicates.candidates(case, user)]}


def callback_context(user, case, assignments) -> dict:
    return {"satisfaction_choices": Satisfaction.choices}


MASKS = {PersonalField.PHONE: mask_phone, PersonalField.ID_NUMBER: mask_id_number}


@dataclass
class Number:
    """One of the reporter's numbers as a page shows it: masked, or (just revealed) in full."""

    field: str
    masked: str
    may: bool
    value: str = ""
    error: str = ""

    @property
    def label(self) -> str:
        return PersonalField(self.field).label

    @property
    def button(self) -> str:
        return reveal.BUTTONS[self.field]


def numbers(case, may: bool) -> list[Number]:
    """The numbers the reporter left, masked, with the button where ``may``."""
    return [Number(field, MASKS[field](getattr(case, reveal.FIELDS[field])), may) for field in reveal.revealable(case)]
