"""Category importer and the default categories: the residents' message taxonomy and civicgrid's own lists.

A category list is a CSV whose columns are the levels from the top down (一级分类,二级分类,三级分类, or
大类,小类): each row names one smallest class and the chain of classes above it. A class is known by
that chain of names, never by its code, so a re-run, or the same list in another order, finds every
class and changes nothing. A new class takes the first free code under its parent, which on a first
import is its position in the file (01 / 01.01 / 01.01.001).

Every bad row is reported by number, and nothing is written unless only the valid rows are asked for.
The importer decides which classes exist; what administrators set afterwards (kind, lead department,
order, time limits, fields) a re-run leaves alone.
"""

import csv
import io
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.db import transaction
from django.utils.translation import gettext as _

from civicgrid.core.choices import TimeUnit
from civicgrid.core.imports import ImportReport

from . import codes
from .choices import CaseKind, Stage
from .models import Category, TimeLimit

DATA = Path(settings.BASE_DIR) / "data"
NAME_MAX = Category._meta.get_field("name").max_length

# The taxonomy's large classes are mostly requests; 纪检监察 gathers reports of officials' misconduct.
TOP_LEVEL_KINDS = {"纪检监察": CaseKind.COMPLAINT}
# A class whose own name says what it is overrides the kind of the classes above it.
NAME_KINDS = [
    (("投诉", "举报"), CaseKind.COMPLAINT),
    (("纠纷", "争议"), CaseKind.DISPUTE),
    (("隐患",), CaseKind.HAZARD),
]


@dataclass(frozen=True)
class Root:
    """The category a whole list is filed under, such as 城管事件, and the kind of every class in it."""

    code: str
    name: str
    kind: str


URBAN_EVENTS = Root("50", "城管事件", CaseKind.URBAN_EVENT)
DISPUTES = Root("60", "矛盾纠纷", CaseKind.DISPUTE)


@dataclass
class Node:
    """One class the list needs: its chain of names, the row that first named it, and its category once known."""

    path: tuple[str, ...]
    row: int
    kind: str
    category: Category | None = None


def import_taxonomy(
    text: str, source: str = "taxonomy.csv", root: Root | None = None, only_valid: bool = False
) -> ImportReport:
    """Import a category list; with ``root`` the list's top classes go under that category."""
    report = ImportReport()
    rows = read_rows(source, text, report)
    nodes = plan_nodes(rows, root)
    new = assign_codes(source, nodes, root, report)
    if report.errors and not only_valid:
        return report
    with transaction.atomic():
        _create(new)
    report.created = len(new)
    report.unchanged = len(nodes) - len(new)
    report.written = True
    return report


def read_rows(source: str, text: str, report: ImportReport) -> list[tuple[int, tuple[str, ...]]]:
    """The (row number, chain of names) of every good row; each bad row goes into the report."""
    reader = csv.reader(io.StringIO(text.lstrip("\ufeff")))
    header = [column.strip() for column in next(reader, [])]
    if not header or not all(header):
        report.error(source, 1, _("表头应为各级分类的列名，如“一级分类,二级分类,三级分类”。"))
        return []
    rows, first_seen = [], {}
    for number, record in enumerate(reader, start=2):
        if not record:  # a blank line is not a row
            continue
        path = _row_path(source, number, record, header, report)
        if path is None:
            continue
        if path in first_seen:
            report.error(source, number, _("“%(path)s”重复（首次出现在第 %(row)d 行）。") % {
                "path": " / ".join(path), "row": first_seen[path]})
            continue
        first_seen[path] = number
        rows.append((number, path))
    return rows


def _row_path(source, number, record, header, report) -> tuple[str, ...] | None:
    if len(record) != len(header):
        report.error(source, number, _("列数不对：应为 %(want)d 列，实为 %(got)d 列。") % {
            "want": len(header), "got": len(record)})
        return None
    path = tuple(name.strip() for name in record)
    for column, name in zip(header, path):
        if not name:
            report.error(source, number, _("“%(column)s”为空。") % {"column": column})
            return None
        if len(name) > NAME_MAX:
            report.error(source, number, _("“%(name)s”超过 %(max)d 个字。") % {"name": name, "max": NAME_MAX})
            return None
    return path


def plan_nodes(rows, root: Root | None) -> list[Node]:
    """Every class the rows name, parents before children, each once."""
    nodes: dict[tuple[str, ...], Node] = {}
    if root:
        nodes[(root.name,)] = Node((root.name,), 1, root.kind)
    prefix = (root.name,) if root else ()
    for number, names in rows:
        path = prefix + names
        for depth in range(len(prefix) + 1, len(path) + 1):
            if path[:depth] not in nodes:
                kind = root.kind if root else guess_kind(names[:depth])
                nodes[path[:depth]] = Node(path[:depth], number, kind)
    return list(nodes.values())


def guess_kind(names: tuple[str, ...]) -> str:
    """The kind of a taxonomy class from its chain of names: the top class's, unless a nearer name says otherwise."""
    kind = TOP_LEVEL_KINDS.get(names[0], CaseKind.REQUEST)
    for name in names:
        kind = next((k for words, k in NAME_KINDS if any(word in name for word in words)), kind)
    return kind


def assign_codes(source: str, nodes: list[Node], root: Root | None, report: ImportReport) -> list[Node]:
    """Find the classes that exist and give the others codes; returns the nodes to create."""
    existing = categories_by_path()
    taken = _positions_taken(existing.values())
    by_path = {node.path: node for node in nodes}
    new = []
    for node in nodes:
        node.category = existing.get(node.path)
        if node.category is None:
            node.category = _new_category(source, node, by_path.get(node.path[:-1]), root, taken, report)
            new += [node] if node.category else []
    return new


def categories_by_path() -> dict[tuple[str, ...], Category]:
    """Every category by its chain of names from the top, e.g. ("城管事件", "突发事件", "井盖缺失")."""
    categories = {c.pk: c for c in Category.objects.all()}
    paths: dict[int, tuple[str, ...]] = {}

    def path(category: Category) -> tuple[str, ...]:
        if category.pk not in paths:
            above = path(categories[category.parent_id]) if category.parent_id else ()
            paths[category.pk] = (*above, category.name)
        return paths[category.pk]

    return {path(c): c for c in categories.values()}


def _positions_taken(categories) -> dict[str | None, set[int]]:
    taken: dict[str | None, set[int]] = {}
    for category in categories:
        taken.setdefault(codes.parent_code(category.code), set()).add(_position(category.code))
    return taken


def _position(code: str) -> int:
    return int(code.rpartition(".")[2])


def _new_category(source, node, parent_node, root, taken, report) -> Category | None:
    if parent_node and parent_node.category is None:
        if node.row != parent_node.row:  # that row is reported already
            report.error(source, node.row, _("上级分类“%(name)s”无法新建。") % {"name": parent_node.path[-1]})
        return None
    parent = parent_node.category if parent_node else None
    siblings = taken.setdefault(parent.code if parent else None, set())
    is_root = root is not None and node.path == (root.name,)
    position = int(root.code) if is_root else _first_free(siblings)
    if is_root and position in siblings:
        report.error(source, node.row, _("编码“%(code)s”已被其他分类占用，无法新建“%(name)s”。") % {
            "code": root.code, "name": root.name})
        return None
    try:
        code = codes.child_code(parent.code if parent else None, position)
    except codes.CodeError as exc:
        report.error(source, node.row, str(exc))
        return None
    siblings.add(position)
    return Category(code=code, name=node.path[-1], parent=parent, kind=node.kind, ordering=position)


def _first_free(taken: set[int]) -> int:
    return min(set(range(1, len(taken) + 2)) - taken)


def _create(nodes: list[Node]) -> None:
    # Parents go first so that their children can point at them.
    for depth in sorted({len(node.path) for node in nodes}):
        Category.objects.bulk_create([node.category for node in nodes if len(node.path) == depth])


# --- Default time limits ------------------------------------------------------

# Every top class starts with these; a subcategory inherits them unless it sets its own.
COMMON_LIMITS = {Stage.REGISTER: (2, TimeUnit.WORK_HOURS), Stage.VERIFY: (1, TimeUnit.WORK_DAYS)}
# Handling limits the way 12345 centres set them: enquiries and help 3 working days, complaints 13.
# Mediating a dispute takes longer (15 working days); a petition has the 60 days from acceptance that
# the 信访工作条例 (2022) allows.
HANDLING_LIMITS = {
    CaseKind.REQUEST: (3, TimeUnit.WORK_DAYS),
    CaseKind.COMPLAINT: (13, TimeUnit.WORK_DAYS),
    CaseKind.DISPUTE: (15, TimeUnit.WORK_DAYS),
    CaseKind.HAZARD: (3, TimeUnit.WORK_DAYS),
    CaseKind.URBAN_EVENT: (1, TimeUnit.WORK_DAYS),
    CaseKind.PETITION: (60, TimeUnit.NATURAL_DAYS),
}
# Classes that cannot wait for their kind's limit.
URGENT_LIMITS = {
    "突发事件": (4, TimeUnit.WORK_HOURS),
    "安全隐患": (1, TimeUnit.WORK_DAYS),
}


def seed_time_limits() -> ImportReport:
    """Give categories the default limits they lack.

    A top class gets the common limits and its kind's handling limit; a class whose kind differs from its
    parent's gets its own kind's handling limit, an urgent class its shorter one. Limits that exist are
    left alone, since administrators tune them.
    """
    report = ImportReport()
    categories = {c.pk: c for c in Category.objects.all()}
    have = set(TimeLimit.objects.values_list("category_id", "stage"))
    wanted = [
        TimeLimit(category=category, stage=stage, amount=amount, unit=unit)
        for category in categories.values()
        for stage, (amount, unit) in default_limits(category, categories.get(category.parent_id)).items()
    ]
    new = [limit for limit in wanted if (limit.category.pk, limit.stage) not in have]
    TimeLimit.objects.bulk_create(new)
    report.created, report.unchanged, report.written = len(new), len(wanted) - len(new), True
    return report


def default_limits(category: Category, parent: Category | None) -> dict[str, tuple[int, str]]:
    limits = dict(COMMON_LIMITS) if parent is None else {}
    if parent is None or parent.kind != category.kind:
        limits[Stage.HANDLE] = HANDLING_LIMITS[category.kind]
    if category.name in URGENT_LIMITS:
        limits[Stage.HANDLE] = URGENT_LIMITS[category.name]
    return limits


# --- The default lists ----------------------------------------------------------

DEFAULT_LISTS = [
    (DATA / "messages" / "taxonomy.csv", None),
    (DATA / "categories" / "urban_events.csv", URBAN_EVENTS),
    (DATA / "categories" / "disputes.csv", DISPUTES),
]


def load_default_categories(only_valid: bool = False) -> list[tuple[str, ImportReport]]:
    """Load the message taxonomy, the urban-management events and the dispute types, then the default limits.

    Each step reports under its own name.
    """
    reports = [
        (path.name, import_taxonomy(path.read_text(encoding="utf-8-sig"), path.name, root, only_valid))
        for path, root in DEFAULT_LISTS
    ]
    return [*reports, (_("默认办理时限"), seed_time_limits())]
