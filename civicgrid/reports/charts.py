"""Charts drawn on the server as SVG for the printed report: one series each, every bar and point labelled
with its number, in black and grey, so that a black-and-white print loses nothing (no meaning in colour)."""

from django.utils.html import escape
from django.utils.safestring import mark_safe

WIDTH = 480
ROW = 18  # height of one bar of a bar chart
LABELS = 130  # width kept for the bars' labels
HEIGHT = 150  # height of a trend's plot


def _svg(height: int, body: list[str], title: str) -> str:
    return mark_safe(f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{height}" '
                     f'viewBox="0 0 {WIDTH} {height}" role="img" aria-label="{escape(title)}" '
                     f'font-family="Noto Sans CJK SC, sans-serif" font-size="10">{"".join(body)}</svg>')


def bars(pairs: list[tuple[str, int]], title: str) -> str:
    """Horizontal bars, largest first as given: label, bar, number."""
    top = max((value for _label, value in pairs), default=0) or 1
    span = WIDTH - LABELS - 50
    body = []
    for index, (label, value) in enumerate(pairs):
        y = index * ROW
        length = round(span * value / top)
        body += [f'<text x="{LABELS - 6}" y="{y + 13}" text-anchor="end">{escape(_short(label))}</text>',
                 f'<rect x="{LABELS}" y="{y + 3}" width="{length}" height="{ROW - 6}" fill="#444"/>',
                 f'<text x="{LABELS + length + 4}" y="{y + 13}">{value}</text>']
    return _svg(max(len(pairs), 1) * ROW + 4, body, title)


def trend(pairs: list[tuple[str, int]], title: str) -> str:
    """A line over the stretches, each point a square marker with its number; every label when there is room."""
    top = max((value for _label, value in pairs), default=0) or 1
    step = (WIDTH - 40) / max(len(pairs) - 1, 1)
    every = max(1, len(pairs) // 10)
    points = [(20 + i * step, 20 + (HEIGHT - 20) * (1 - value / top)) for i, (_label, value) in enumerate(pairs)]
    body = [f'<line x1="10" y1="{HEIGHT}" x2="{WIDTH - 10}" y2="{HEIGHT}" stroke="#000" stroke-width="0.8"/>',
            f'<polyline fill="none" stroke="#000" stroke-width="1.2" points="'
            f'{" ".join(f"{x:.1f},{y:.1f}" for x, y in points)}"/>']
    for index, ((x, y), (label, value)) in enumerate(zip(points, pairs)):
        body.append(f'<rect x="{x - 2.5:.1f}" y="{y - 2.5:.1f}" width="5" height="5" fill="#000"/>')
        if index % every == 0 or index == len(pairs) - 1:
            body += [f'<text x="{x:.1f}" y="{y - 6:.1f}" text-anchor="middle">{value}</text>',
                     f'<text x="{x:.1f}" y="{HEIGHT + 14}" text-anchor="middle">{escape(label)}</text>']
    return _svg(HEIGHT + 20, body, title)


def _short(label: str, most: int = 10) -> str:
    return label if len(label) <= most else label[:most - 1] + "…"
