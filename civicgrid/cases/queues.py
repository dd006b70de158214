"""Where each role's case queue opens: on the work the role takes next (docs/loop.md, "Each role's queue").

A dispatcher opens on 待派遣 at their own centre; a shift lead on 待结案 at their centre and the centres below
it, whose cases they close; an intake clerk on 待受理; those who verify on site on 待核查 where they work.
Departments open on their inbox and the heads under the grid on the reports they filed (我的上报). The first
rule whose role the user holds wins, in the order below. The queue shows what it opened on as the chosen
filters, and the user may choose others.
"""

from dataclasses import dataclass, field

from civicgrid.orgs.choices import DEPARTMENT_ROLES, HEAD_ROLES, Role

from .choices import Status
from .workflow import VERIFIERS

MINE, BELOW, ALL = "mine", "below", "all"  # the queue's centre scope: own centre, and those below it, or all


@dataclass(frozen=True)
class Opening:
    """The filters a queue opens with, or the page the role opens on instead (a URL name)."""

    filters: dict = field(default_factory=dict)
    page: str = ""


OPENINGS = [
    ({Role.SHIFT_LEAD}, Opening({"status": Status.VERIFIED, "centre": BELOW})),
    ({Role.DISPATCHER}, Opening({"status": Status.REGISTERED, "centre": MINE})),
    ({Role.INTAKE_CLERK}, Opening({"status": Status.REPORTED, "centre": MINE})),
    (VERIFIERS, Opening({"status": Status.HANDLED})),
    (DEPARTMENT_ROLES, Opening(page="cases:inbox")),
    (HEAD_ROLES, Opening(page="cases:mine")),
]
ANYONE = Opening({"centre": MINE})


def owners(states) -> set[str]:
    """The roles whose queue opens on one of ``states``: whose own work the cases in them are."""
    return {role for holders, found in OPENINGS if found.filters.get("status") in states for role in holders}


def centre_reach(role: str) -> str:
    """Which centres' cases are a centre role's own work: its queue's opening, its own centre unless it says."""
    return next((found.filters["centre"] for holders, found in OPENINGS if role in holders
                 and "centre" in found.filters), MINE)


def opening(user) -> Opening:
    roles = user.scope.roles
    return next((found for holders, found in OPENINGS if roles & holders), ANYONE)
