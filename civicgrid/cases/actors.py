"""Who acted on a case, as the timeline shows it in place of a staff member's name (诉求人, the department,
the grid, the centre), kept as a role and the organisation acted for and put into words when read.

An event stores ``actor_role`` (the role of the grant at the area node the actor acted from, ``orgs.Role``,
or one of the codes below) and ``actor_org`` (that area's, the department's or the grid's name, a proper noun
shown as written; for ``channel`` the channel's code). ``words`` turns them into the reader's language;
``actor_label`` keeps the words in the site's language for the admin, exports and webhooks, and is all an
event written before codes has (``words`` falls back to it).
"""

from dataclasses import dataclass
from functools import lru_cache

from django.conf import settings
from django.utils.translation import gettext as _

from civicgrid.notifications.texts import site_language
from civicgrid.orgs.choices import CENTRE_ROLES, GRID_ROLES, Role

from .choices import Channel

RESIDENT, SYSTEM, CHANNEL, DEPARTMENT, CENTRE = "resident", "system", "channel", "department", "centre"


@dataclass(frozen=True)
class Actor:
    """A role and the organisation acted for, as an event stores them."""

    role: str
    org: str = ""

    def __str__(self) -> str:
        return words(self.role, self.org)

    def stored(self) -> dict:
        """The event's fields: the codes, and the words in the site's language."""
        return {"actor_role": self.role, "actor_org": self.org, "actor_label": _label(self, settings.LANGUAGE_CODE)}


@lru_cache(maxsize=4096)
def _label(actor: Actor, language: str) -> str:
    """Put into words once per actor and site language: a batch writes thousands of events by a few actors."""
    with site_language():
        return str(actor)[:100]


def words(role: str, org: str, stored: str = "") -> str:
    """Who acted, in the active language; ``stored`` for an event that names no role."""
    if role in WORDING:
        return WORDING[role](org)
    if role in Role.values:
        return _("%(area)s%(role)s") % {"area": org, "role": Role(role).label}
    return stored or org


def _centre(area: str) -> str:
    return _("%(area)s综治中心") % {"area": area}


def _grid(grid: str) -> str:
    return _("网格员（%(grid)s）") % {"grid": grid}


def _channel(code: str) -> str:
    return str(Channel(code).label) if code in Channel.values else code


def _as_written(name: str) -> str:
    return name


WORDING = {
    RESIDENT: lambda org: _("诉求人"), SYSTEM: lambda org: _("系统"), CHANNEL: _channel,
    DEPARTMENT: _as_written, CENTRE: _centre,
    **dict.fromkeys(CENTRE_ROLES, _centre), **dict.fromkeys(GRID_ROLES, _grid),
}
