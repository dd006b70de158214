"""Excel exports of the figures and lists staff take to meetings (日排查, 月研判, the hazard register …).

A workbook is a list of sheets, each a title, a header row and the rows; cells are written as values (no
formulas: a cell starting with ``=``, ``+``, ``-`` or ``@`` is stored as text, so a name typed by a resident
never runs in the reader's Excel).
"""

from dataclasses import dataclass, field
from io import BytesIO
from urllib.parse import quote

from django.http import HttpResponse
from django.utils import timezone
from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
FORMULA_STARTS = ("=", "+", "-", "@")
WIDEST = 60


@dataclass
class Sheet:
    """一张工作表: its title (at most 31 characters in Excel), its header and its rows."""

    title: str
    header: list
    rows: list = field(default_factory=list)


def workbook(sheets: list[Sheet]) -> bytes:
    book = Workbook()
    book.remove(book.active)
    for sheet in sheets:
        _write(book.create_sheet(str(sheet.title)[:31]), sheet)
    out = BytesIO()
    book.save(out)
    return out.getvalue()


def response(sheets: list[Sheet], filename: str) -> HttpResponse:
    """The workbook as a download named ``filename`` (without ``.xlsx``; Chinese names are fine)."""
    answer = HttpResponse(workbook(sheets), content_type=XLSX)
    answer["Content-Disposition"] = _attachment(f"{filename}.xlsx")
    return answer


def _write(target, sheet: Sheet) -> None:
    target.append([str(title) for title in sheet.header])
    for cell in target[1]:
        cell.font = Font(bold=True)
    for row in sheet.rows:
        target.append([_safe(value) for value in row])
    target.freeze_panes = "A2"
    for index, title in enumerate(sheet.header, start=1):
        width = max([len(str(title))] + [len(str(row[index - 1] or "")) for row in sheet.rows[:200]])
        target.column_dimensions[get_column_letter(index)].width = min(WIDEST, width * 2 + 2)


def _safe(value):
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    if value is None or isinstance(value, int | float | str) or hasattr(value, "isoformat"):
        return _naive(value)
    return str(value)


def _naive(value):
    """Excel has no time zones: aware times are written as the local wall-clock time."""
    if getattr(value, "tzinfo", None) is not None:
        return timezone.localtime(value).replace(tzinfo=None)
    return value


def _attachment(filename: str) -> str:
    return f"attachment; filename*=UTF-8''{quote(filename)}"
