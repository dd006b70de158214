"""Category importer and the default categories: the residents' message taxonomy and civicgrid's own lists.

A category list is a CSV whose columns are the levels from the top down (一级分类,二级分类,三级分类, or
大类,小类): each row names one smallest class and the chain of classes above it. A class is known by
that chain of names, never by its code, so a re-run, or the same list in another order, finds every
class and changes nothing. A new class takes the first free code under its parent, which on a first
import is its position in the file (01 / 01.01 / 01.01.001).

After the levels a list may have the columns 英文名称 and 同义词 for the row's smallest class; a row of such
a list may leave its last levels empty to name a class above (市容环境,,City appearance,). The names may also
come in a file of their own (``NamesFile``, as the message taxonomy's do), which names only the list's classes.
The importer fills a class's English name and synonyms only while they are empty, so what an administrator
wrote survives.

Every bad row is reported by number, and nothing is written unless only the valid rows are asked for.
The importer decides which classes exist; what administrators set afterwards (kind, lead department,
order, time limits, fields, names) a re-run leaves alone.
"""

import csv
import io
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.db import transaction
from django.utils.translation import gettext as _

from civicgrid.core.choices import TimeUnit
from civicgrid.core.imports import ImportReport

from . import codes, search, spelling
from .choices import CaseKind, Stage
from .models import Category, TimeLimit

DATA = Path(settings.BASE_DIR) / "data"
NAME_MAX = Category._meta.get_field("name").max_length
# Columns after the levels, by header, and the field of the row's class each fills.
NAME_COLUMNS = {"英文名称": "name_en", "同义词": "synonyms"}

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
    name_en: str = ""


# GB/T 30428's two kinds of urban-management problems: a broken thing (部件) and something happening (事件).
COMPONENTS = Root("40", "城管部件", CaseKind.URBAN_EVENT, "Urban facilities (components)")
URBAN_EVENTS = Root("50", "城管事件", CaseKind.URBAN_EVENT, "Urban management events")
DISPUTES = Root("60", "矛盾纠纷", CaseKind.DISPUTE, "Disputes")


@dataclass(frozen=True)
class NamesFile:
    """A list's English names and synonyms kept apart from it: a CSV of the same levels and the name columns,
    naming only classes of the list."""

    text: str
    source: str


@dataclass
class Row:
    """One good row: its number, the chain of names down to its class, and the names it gives that class."""

    number: int
    path: tuple[str, ...]
    names: dict[str, str] = field(default_factory=dict)


@dataclass
class Node:
    """One class the list needs: its chain of names, the row that first named it, and its category once known."""

    path: tuple[str, ...]
    row: int
    kind: str
    category: Category | None = None
    names: dict[str, str] = field(default_factory=dict)


def import_taxonomy(
    text: str, source: str = "taxonomy.csv", root: Root | None = None, only_valid: bool = False,
    names: NamesFile | None = None,
) -> ImportReport:
    """Import a category list; with ``root`` the list's top classes go under that category, with ``names``
    the English names and synonyms of its classes come from a file of their own."""
    report = ImportReport()
    rows = read_rows(source, text, report)
    nodes = plan_nodes(rows, root)
    if names:
        name_nodes(nodes, read_rows(names.source, names.text, report), names.source, report)
    new = assign_codes(source, nodes, root, report)
    if report.errors and not only_valid:
        return report
    with transaction.atomic():
        _create(new)
        named = _fill_names([node for node in nodes if node not in new and node.category])
        if named:  # new classes come spelled; a name given to one that exists changes the paths below it
            spell_all()
    search.forget()
    report.created, report.updated = len(new), len(named)
    report.unchanged = len(nodes) - len(new) - len(named)
    report.written = True
    return report


def read_rows(source: str, text: str, report: ImportReport) -> list[Row]:
    """Every good row; each bad row goes into the report."""
    reader = csv.reader(io.StringIO(text.lstrip("\ufeff")))
    header = [column.strip() for column in next(reader, [])]
    levels = _levels(header)
    if not levels:
        report.error(source, 1, _("表头应为各级分类的列名，如“一级分类,二级分类,三级分类”，"
                                  "其后可有“英文名称”“同义词”两列。"))
        return []
    rows, first_seen = [], {}
    for number, record in enumerate(reader, start=2):
        if not record:  # a blank line is not a row
            continue
        row = _row(source, number, record, header, levels, report)
        if row is None:
            continue
        if row.path in first_seen:
            report.error(source, number, _("“%(path)s”重复（首次出现在第 %(row)d 行）。") % {
                "path": " / ".join(row.path), "row": first_seen[row.path]})
            continue
        first_seen[row.path] = number
        rows.append(row)
    return rows


def _levels(header: list[str]) -> int:
    """How many level columns the header has: all but the name columns, which come last; 0 when it is wrong."""
    levels = len([column for column in header if column not in NAME_COLUMNS])
    named_last = all(column in NAME_COLUMNS for column in header[levels:])
    return levels if header and all(header) and named_last and len(set(header)) == len(header) else 0


def _row(source, number, record, header, levels, report) -> Row | None:
    if len(record) != len(header):
        report.error(source, number, _("列数不对：应为 %(want)d 列，实为 %(got)d 列。") % {
            "want": len(header), "got": len(record)})
        return None
    names = [name.strip() for name in record[:levels]]
    # A list with name columns may describe a class above the smallest level by leaving the rest empty.
    path = tuple(names[:max(_filled(names), 1)]) if levels < len(header) else tuple(names)
    for column, name in zip(header, names):
        problem = _name_problem(column, name, len(path) >= header.index(column) + 1)
        if problem:
            report.error(source, number, problem)
            return None
    given = {NAME_COLUMNS[column]: value.strip() for column, value in zip(header[levels:], record[levels:])}
    if len(given.get("name_en", "")) > NAME_MAX:
        report.error(source, number, _("英文名称超过 %(max)d 个字符。") % {"max": NAME_MAX})
        return None
    return Row(number, path, {name: value for name, value in given.items() if value})


def _filled(names: list[str]) -> int:
    """How many levels a row names: up to its last non-empty one."""
    return max((depth + 1 for depth, name in enumerate(names) if name), default=0)


def _name_problem(column: str, name: str, needed: bool) -> str:
    if needed and not name:
        return _("“%(column)s”为空。") % {"column": column}
    if len(name) > NAME_MAX:
        return _("“%(name)s”超过 %(max)d 个字。") % {"name": name, "max": NAME_MAX}
    return ""


def plan_nodes(rows: list[Row], root: Root | None) -> list[Node]:
    """Every class the rows name, parents before children, each once, with the names its own row gives it."""
    nodes: dict[tuple[str, ...], Node] = {}
    if root:
        nodes[(root.name,)] = Node((root.name,), 1, root.kind, names={"name_en": root.name_en})
    prefix = (root.name,) if root else ()
    for row in rows:
        path = prefix + row.path
        for depth in range(len(prefix) + 1, len(path) + 1):
            if path[:depth] not in nodes:
                kind = root.kind if root else guess_kind(row.path[:depth])
                nodes[path[:depth]] = Node(path[:depth], row.number, kind)
        nodes[path].names = row.names
    return list(nodes.values())


def name_nodes(nodes: list[Node], rows: list[Row], source: str, report: ImportReport) -> None:
    """Give the list's classes the names of a names file; a row naming a class the list lacks is bad."""
    by_path = {node.path: node for node in nodes}
    for row in rows:
        if row.path in by_path:
            by_path[row.path].names = row.names
        else:
            report.error(source, row.number, _("分类表中没有“%(path)s”。") % {"path": " / ".join(row.path)})


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
    category = Category(code=code, name=node.path[-1], parent=parent, kind=node.kind, ordering=position,
                        **node.names)
    spelling.spell(category, parent)
    return category


def _first_free(taken: set[int]) -> int:
    return min(set(range(1, len(taken) + 2)) - taken)


def _create(nodes: list[Node]) -> None:
    # Parents go first so that their children can point at them.
    for depth in sorted({len(node.path) for node in nodes}):
        Category.objects.bulk_create([node.category for node in nodes if len(node.path) == depth])


def _fill_names(nodes: list[Node]) -> list[Node]:
    """Give classes that exist the names their rows give, where they have none yet; returns the nodes named."""
    named = [node for node in nodes if _fill(node.category, node.names)]
    _write([node.category for node in named], list(NAME_COLUMNS.values()))
    return named


def _fill(category: Category, names: dict[str, str]) -> bool:
    empty = {name: value for name, value in names.items() if not getattr(category, name)}
    for name, value in empty.items():
        setattr(category, name, value)
    return bool(empty)


def spell_all() -> None:
    """Spell every category again where its names or those above it changed."""
    _write(spelling.spell_tree(list(Category.objects.all())), spelling.SPELLED)


def _write(categories: list[Category], fields) -> None:
    # One UPDATE a row: for hundreds of rows bulk_update's CASE expressions take seconds to build.
    for category in categories:
        Category.objects.filter(pk=category.pk).update(**{name: getattr(category, name) for name in fields})


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

# (list, root, names file): the taxonomy's English names and synonyms are civicgrid's own, kept beside the
# competition's file rather than in it; civicgrid's own lists carry theirs.
DEFAULT_LISTS = [
    (DATA / "messages" / "taxonomy.csv", None, DATA / "categories" / "taxonomy_names.csv"),
    (DATA / "categories" / "components.csv", COMPONENTS, None),
    (DATA / "categories" / "urban_events.csv", URBAN_EVENTS, None),
    (DATA / "categories" / "disputes.csv", DISPUTES, None),
]


def load_default_categories(only_valid: bool = False) -> list[tuple[str, ImportReport]]:
    """Load the message taxonomy and its English names, the urban-management components and events and the
    dispute types, then the default limits.

    Each step reports under its own name.
    """
    reports = [(path.name, _load(path, root, names, only_valid)) for path, root, names in DEFAULT_LISTS]
    return [*reports, (_("默认办理时限"), seed_time_limits())]


def _load(path: Path, root: Root | None, names: Path | None, only_valid: bool) -> ImportReport:
    names_file = NamesFile(names.read_text(encoding="utf-8-sig"), names.name) if names else None
    return import_taxonomy(path.read_text(encoding="utf-8-sig"), path.name, root, only_valid, names_file)
