"""How a category is spelled for the category search (分类检索): its pinyin, its initials, its other names, its path.

Residents type their own words (灯不亮, 邻居吵架), staff type initials (ld for 路灯). A category keeps each
spelling in a column of its own, worked out here whenever it is saved or imported, so that a search is a
database query and never Python over every category. Nothing here reads the database: the model, the
importer and the migration that filled the columns all hand their rows to ``spell_tree``.
"""

import re
from functools import lru_cache

from pypinyin import Style, lazy_pinyin

SEPARATOR = "、"
# Administrators and the data files separate other names with any of these.
SPLIT = re.compile(r"[、，,；;|\s]+")
PATH_SEPARATOR = " › "
# Every name in ``terms`` stands between two bars, so that LIKE '%|灯不亮|%' finds one whole name.
EDGE = "|"
SPELLED = ("synonyms", "pinyin", "initials", "terms", "path", "path_en")


def split_synonyms(text: str) -> list[str]:
    """The other names in ``text``, each once, in the order given."""
    return list(dict.fromkeys(part for part in SPLIT.split(text or "") if part))


@lru_cache(maxsize=4096)
def pinyin(name: str) -> str:
    """The full pinyin without tones or spaces, lower case: 机动车乱停放 → jidongcheluantingfang."""
    return "".join(_plain(syllable) for syllable in lazy_pinyin(name))


@lru_cache(maxsize=4096)
def initials(name: str) -> str:
    """The first letter of each syllable: 机动车乱停放 → jdcltf; letters and digits in the name are kept whole."""
    return "".join(_plain(syllable) for syllable in lazy_pinyin(name, style=Style.FIRST_LETTER))


def _plain(syllable: str) -> str:
    return re.sub(r"[^0-9a-z]", "", syllable.lower())


def terms(name: str, synonyms: str) -> str:
    """The Chinese name and the other names of a category between bars, in lower case: |路灯|灯不亮|街灯|.

    The English name is searched in its own column, by whole words: a piece of an English word ("ld" in
    "building") would bury the initials someone typed."""
    names = dict.fromkeys(text.lower() for text in (name, *split_synonyms(synonyms)) if text)
    return EDGE + EDGE.join(names) + EDGE


def spell(category, parent) -> bool:
    """Set the spelled columns of ``category`` below ``parent`` (spelled already, or None); True if any changed."""
    before = [getattr(category, field) for field in SPELLED]
    category.synonyms = SEPARATOR.join(split_synonyms(category.synonyms))
    category.pinyin, category.initials = pinyin(category.name), initials(category.name)
    category.terms = terms(category.name, category.synonyms)
    category.path = _joined(parent.path if parent else "", category.name)
    category.path_en = _joined(parent.path_en if parent else "", category.name_en or category.name)
    return before != [getattr(category, field) for field in SPELLED]


def _joined(above: str, name: str) -> str:
    return f"{above}{PATH_SEPARATOR}{name}" if above else name


def spell_tree(categories) -> list:
    """Spell ``categories`` parents first; a category whose parent is not among them keeps its spelling and
    passes it down. Returns the categories that changed."""
    by_pk = {category.pk: category for category in categories}
    changed = []
    for category in sorted(by_pk.values(), key=lambda c: c.code):
        parent = by_pk.get(category.parent_id)
        if (parent is not None or category.parent_id is None) and spell(category, parent):
            changed.append(category)
    return changed
