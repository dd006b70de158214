"""The category picker of the report form and of staff intake (分类检索): search, and browsing the tree.

A search finds a category by its name, its other names (``synonyms``: 灯不亮 for 路灯, 吵架 for 邻里争吵), its
pinyin or initials (ludeng, ld), its English name and the names above it; a resident's whole phrase finds a
category whose name or other name it contains (路灯坏了 → 路灯). Every word of the query must match. The best
come first:

    the name (Chinese or English) is the query · one of its other names is · the name begins with it ·
    the name holds it · the query holds the name · another name holds the query or the query holds one ·
    the initials or pinyin are the query · they begin with it · only a name above it matches,

and on a tie a leaf comes before a branch, then the tree's order. An exact other name ranks just after the
name itself: it is what residents call the class (停车 is 机动车乱停放 before it is 停车场).

A search is one query on the columns that ``spelling`` keeps. Besides it, each process keeps an ``Index`` for
``CIVICGRID_REFERENCE_RECHECK_S`` (``core.recent``), as it keeps other reference data: which categories have
each name and other name, so that the pieces of a long phrase are looked up there rather than as hundreds of
LIKEs, and the codes of inactive categories, whose branches are never offered.
"""

import re
from dataclasses import dataclass

from django.db.models import Case, Exists, IntegerField, OuterRef, Q, QuerySet, Value, When

from civicgrid.core.querysets import prefix_filter
from civicgrid.core.recent import Recent
from civicgrid.core.validators import strip_control

from . import codes
from .models import Category
from .spelling import EDGE

LIMIT = 30
QUERY_MAX = 50
# Longer pieces of a phrase are not looked up as names: the names a resident's phrase holds are short.
PIECE_MAX = 12
ASCII_WORD = re.compile(r"[0-9a-z]+")
RECENT_INDEX = Recent(max_entries=1)


@dataclass(frozen=True)
class Index:
    """Every name and other name (lower case) with the categories that have it; the inactive categories' codes."""

    names: dict[str, tuple[int, ...]]
    closed: tuple[str, ...]

    def holding(self, text: str) -> set[int]:
        """The categories one of whose names is a piece of ``text``: 邻居又吵架了 holds 吵架."""
        return {pk for piece in pieces(text) for pk in self.names.get(piece, ())}

    def held_names(self, text: str) -> set[str]:
        return {piece for piece in pieces(text) if piece in self.names}


def index() -> Index:
    return RECENT_INDEX.get("index", read_index)


def read_index() -> Index:
    names: dict[str, list[int]] = {}
    closed = []
    for pk, code, terms, active in Category.objects.values_list("pk", "code", "terms", "is_active"):
        for name in filter(None, terms.split(EDGE)):
            names.setdefault(name, []).append(pk)
        closed += [] if active else [code]
    return Index({name: tuple(pks) for name, pks in names.items()}, tuple(closed))


def forget() -> None:
    """Categories changed: this process reads the index again at the next search."""
    RECENT_INDEX.forget("index")


def pieces(text: str) -> set[str]:
    """Every piece of ``text`` up to ``PIECE_MAX`` characters long."""
    return {text[start:end] for start in range(len(text))
            for end in range(start + 1, min(len(text), start + PIECE_MAX) + 1)}


def marked(found: QuerySet) -> QuerySet:
    """``found`` with each category marked ``is_leaf``: it has no active subcategory."""
    return found.annotate(is_leaf=~Exists(Category.objects.filter(parent=OuterRef("pk"), is_active=True)))


def find(query: str) -> tuple[list[Category], bool]:
    """The best ``LIMIT`` categories for ``query``, and whether there were more."""
    # Control characters name nothing, and PostgreSQL refuses a NUL in a query.
    words = strip_control(query).replace(EDGE, " ").split()[:5]
    if not words:
        return [], False
    whole, known = " ".join(words)[:QUERY_MAX], index()
    below_closed = prefix_filter("code", [f"{code}." for code in known.closed])
    found = marked(Category.objects.filter(is_active=True).exclude(below_closed)) \
        .filter(*[matches(word, known) for word in words])
    ranked = found.annotate(rank=rank(whole, known)).order_by("rank", "-is_leaf", "code")
    rows = list(ranked[:LIMIT + 1])
    return rows[:LIMIT], len(rows) > LIMIT


def matches(word: str, known: Index) -> Q:
    """A category that ``word`` names anywhere: its path (both languages), its names, its spellings, its code."""
    low = word.lower()
    found = Q(path__icontains=word) | Q(path_en__icontains=word) | Q(terms__contains=low) | Q(code=word)
    found |= Q(pk__in=known.holding(low))
    if ASCII_WORD.fullmatch(low):
        found |= Q(initials__startswith=low) | Q(pinyin__startswith=low)
    return found


def rank(whole: str, known: Index) -> Case:
    low = whole.lower()
    spelled = ASCII_WORD.fullmatch(low) is not None
    ranks = [
        Q(name=whole) | Q(name_en__iexact=whole),
        Q(terms__contains=f"{EDGE}{low}{EDGE}"),
        Q(name__startswith=whole) | Q(name_en__istartswith=whole),
        Q(name__contains=whole) | Q(name_en__icontains=f" {whole}"),
        Q(name__in=known.held_names(low)),
        Q(terms__contains=low) | Q(pk__in=known.holding(low)),
        Q(initials=low) | Q(pinyin=low) if spelled else Q(pk__in=[]),
        Q(initials__startswith=low) | Q(pinyin__startswith=low) if spelled else Q(pk__in=[]),
    ]
    return Case(*[When(condition, then=Value(n)) for n, condition in enumerate(ranks)], default=Value(len(ranks)),
                output_field=IntegerField())


def browse(code: str) -> tuple[list[Category], list[Category]]:
    """The categories right under ``code`` (the top ones for "") and the trail from the top down to ``code``, in
    one query; nothing when ``code`` is unknown or lies in an inactive branch."""
    if code and not codes.CODE_PATTERN.match(code):
        return [], []
    lineage = [*codes.ancestor_codes(code), code] if code else []
    below = Q(parent__code=code) if code else Q(parent__isnull=True)
    rows = list(marked(Category.objects.filter(below | Q(code__in=lineage))).order_by("code"))
    trail = [row for row in rows if row.code in lineage]
    if [row.code for row in trail if row.is_active] != lineage:
        return [], []
    return [row for row in rows if row.code not in lineage and row.is_active], trail


def entry(category: Category, leaf: bool | None = None) -> dict:
    """What the picker shows of a category, in the reader's language."""
    return {"id": category.pk, "code": category.code, "name": category.display_name, "path": category.display_path,
            "limit": category.description_max_length, "leaf": category.is_leaf if leaf is None else leaf}
