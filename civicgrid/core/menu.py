"""What each app adds to the staff pages' menu and to the home page, registered from ``AppConfig.ready()``.

The menu and the home page are drawn below every app (``templates/base.html``, ``orgs.views.home``), so an
app that adds a page (the mediator's disputes, the hazard register, a leader's petitions) registers its
entry here instead of editing them. ``roles`` limits an entry to users holding one of those roles
anywhere (superusers see every entry); an empty set shows it to all signed-in staff.
"""

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Entry:
    """菜单项: a link in the staff menu and the home page's shortcuts."""

    url_name: str
    label: str
    roles: frozenset = frozenset()
    order: int = 100

    def shown_to(self, user, roles) -> bool:
        return not self.roles or user.is_superuser or bool(self.roles & set(roles))


@dataclass(frozen=True)
class Panel:
    """首页板块: a block of the home page showing a role its own work first.

    ``context(request)`` returns the template's context, or None when the panel has nothing for this user
    (the panel is then left out)."""

    template: str
    context: Callable
    roles: frozenset = frozenset()
    order: int = 100


MENU: dict[str, Entry] = {}
PANELS: dict[str, Panel] = {}


def register_entry(url_name: str, label, *, roles=(), order: int = 100) -> None:
    MENU[url_name] = Entry(url_name, label, frozenset(roles), order)


def register_panel(template: str, context: Callable, *, roles=(), order: int = 100) -> None:
    PANELS[template] = Panel(template, context, frozenset(roles), order)


def entries(user, roles) -> list[Entry]:
    return sorted((e for e in MENU.values() if e.shown_to(user, roles)), key=lambda e: e.order)


def panels(request, roles) -> list[tuple[str, dict]]:
    """The (template, context) of each panel for this user, in order; roles first, then what each has."""
    found = []
    for panel in sorted(PANELS.values(), key=lambda p: p.order):
        if panel.roles and not (request.user.is_superuser or panel.roles & set(roles)):
            continue
        context = panel.context(request)
        if context is not None:
            found.append((panel.template, context))
    return found
