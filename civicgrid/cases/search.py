"""The category picker of the report form and of staff intake (分类检索): search, and browsing the tree.

A search finds a category by its name, its other names (``synonyms``: 灯不亮 for 路灯, 吵架 for 邻里争吵), its
pinyin or initials (ludeng, ld), its English name and the names above it; a resident's whole phrase finds a
category whose name or other name it contains (路灯坏了 → 路灯). Every word of the query must match. The best
come first:

    the name (Chinese or English) is the query · one of its other names is · the name begins with it ·
    the name holds it · the query holds the name · another name holds the query or the query holds one ·
    the initials or pinyin are the query · they begin with it · only a name above it matches,

and on a tie a leaf comes before a branch, then the tree's order. An exact other name ranks just after the
name itself: it is what residents call the class (停车 is 机动车乱停放 before it is 停车场). It is one query
on the columns that ``spelling`` keeps; a category inside an inactive branch is never offered.
"""

import re

from django.db.models import Case, Exists, IntegerField, OuterRef, Q, QuerySet, Value, When
from django.db.models.functions import Concat, Length, Substr

from . import codes
from .models import Category
from .spelling import EDGE

LIMIT = 30
QUERY_MAX = 50
# Longer pieces of a phrase are not looked up as names: no category name or other name is that long.
PIECE_MAX = 12
ASCII_WORD = re.compile(r"[0-9a-z]+")


def visible() -> QuerySet:
    """Active categories none of whose ancestors is inactive, each marked ``is_leaf``."""
    closed_above = Category.objects.filter(is_active=False).annotate(below=Concat("code", Value("."))).filter(
        below=Substr(OuterRef("code"), 1, Length(Concat("code", Value(".")))))
    open_children = Category.objects.filter(parent=OuterRef("pk"), is_active=True)
    return Category.objects.filter(is_active=True).exclude(Exists(closed_above)) \
        .annotate(is_leaf=~Exists(open_children))


def find(query: str) -> tuple[list[Category], bool]:
    """The best ``LIMIT`` categories for ``query``, and whether there were more."""
    words = query.split()[:5]
    if not words:
        return [], False
    whole = " ".join(words)[:QUERY_MAX]
    found = list(visible().filter(*[matches(word) for word in words])
                 .annotate(rank=rank(whole)).order_by("rank", "-is_leaf", "code")[:LIMIT + 1])
    return found[:LIMIT], len(found) > LIMIT


def matches(word: str) -> Q:
    """A category that ``word`` names anywhere: its path (both languages), its names, its spellings, its code."""
    low = word.lower()
    found = Q(path__icontains=word) | Q(path_en__icontains=word) | Q(terms__contains=low) | Q(code=word)
    found |= holds_a_name(low)
    if ASCII_WORD.fullmatch(low):
        found |= Q(initials__startswith=low) | Q(pinyin__startswith=low)
    return found


def holds_a_name(low: str) -> Q:
    """A category one of whose names is a piece of ``low``: the phrase 邻居又吵架了 holds 吵架."""
    found = Q(pk__in=[])
    for piece in pieces(low):
        found |= Q(terms__contains=f"{EDGE}{piece}{EDGE}")
    return found


def pieces(text: str) -> set[str]:
    """Every piece of ``text`` up to ``PIECE_MAX`` characters long."""
    return {text[start:end] for start in range(len(text))
            for end in range(start + 1, min(len(text), start + PIECE_MAX) + 1)}


def rank(whole: str) -> Case:
    low = whole.lower()
    spelled = ASCII_WORD.fullmatch(low) is not None
    ranks = [
        Q(name=whole) | Q(name_en__iexact=whole),
        Q(terms__contains=f"{EDGE}{low}{EDGE}"),
        Q(name__startswith=whole) | Q(name_en__istartswith=whole),
        Q(name__contains=whole) | Q(name_en__icontains=f" {whole}"),
        Q(name__in=pieces(whole)),
        Q(terms__contains=low) | holds_a_name(low),
        Q(initials=low) | Q(pinyin=low) if spelled else Q(pk__in=[]),
        Q(initials__startswith=low) | Q(pinyin__startswith=low) if spelled else Q(pk__in=[]),
    ]
    return Case(*[When(condition, then=Value(n)) for n, condition in enumerate(ranks)], default=Value(len(ranks)),
                output_field=IntegerField())


def children(code: str) -> list[Category]:
    """The categories right under ``code`` (the top ones for ""), in the tree's order."""
    below = Q(parent__code=code) if code else Q(parent__isnull=True)
    return list(visible().filter(below).order_by("code"))


def trail(code: str) -> list[Category]:
    """The category ``code`` and those above it, from the top; nothing when it is not offered."""
    if not code:
        return []
    found = list(visible().filter(code__in=[*codes.ancestor_codes(code), code]).order_by("code"))
    return found if found and found[-1].code == code else []


def entry(category: Category, leaf: bool | None = None) -> dict:
    """What the picker shows of a category, in the reader's language."""
    return {"id": category.pk, "code": category.code, "name": category.display_name, "path": category.display_path,
            "limit": category.description_max_length, "leaf": category.is_leaf if leaf is None else leaf}
