"""How the dashboard writes its figures: counts as they are, rates in per cent, “—” for nothing to divide by."""

from urllib.parse import urlencode

from django import template

from civicgrid.dashboards.figures import NOTHING, written

register = template.Library()


@register.filter
def figure(cell) -> str:
    if cell.value is None:
        return NOTHING
    shown = f"{cell.value:.1f}" if isinstance(cell.value, float) else str(cell.value)
    return f"{shown}%" if cell.percent else shown


@register.filter
def change(value) -> str:
    """环比 or 同比: signed, in per cent; “—” when there was nothing to compare with."""
    return written(value, "{:+.1f}%")


@register.filter
def urlencode_dict(query: dict) -> str:
    return urlencode(query)
