"""What apps above geo show on an area's page: geo knows the areas, not who works in them.

An app registers a panel from its ``AppConfig.ready()``: a template, and a function giving the template's
context for an area. The area and grid pages render every panel in the order registered (``orgs`` adds
the staff at the node).
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.template.loader import render_to_string

from .models import Area


@dataclass(frozen=True)
class Panel:
    template: str
    context: Callable[[Area], dict]


_PANELS: list[Panel] = []


def register(template: str, context: Callable[[Area], dict]) -> None:
    _PANELS.append(Panel(template, context))


def rendered(request, area: Area) -> list[str]:
    """Each panel's HTML for ``area``, with ``area`` in its context."""
    return [render_to_string(panel.template, {"area": area, **panel.context(area)}, request) for panel in _PANELS]
