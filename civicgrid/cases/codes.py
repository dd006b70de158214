"""Category codes (分类编码): the dotted path of a category's positions from the top of the tree down.

Levels one and two take two digits, every deeper level three: 01 (城乡建设) / 01.02 (城市建设和市政管理) /
01.02.003 (居民服务设施). Two digits hold the 15 large and at most 14 middle classes of the residents'
message taxonomy, as GB/T 30428 codes its 大类 and 小类; three digits leave room for long lists of small
classes. Every segment has a fixed width, so sorting codes as text lists the tree depth first, and a
category's ancestors are the prefixes of its code.
"""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

CODE_PATTERN = re.compile(r"^\d{2}(\.\d{2}(\.\d{3})*)?$")


class CodeError(ValueError):
    """A code that cannot be made, with the reason in the user's language."""


def depth(code: str) -> int:
    return code.count(".") + 1


def parent_code(code: str) -> str | None:
    return code.rpartition(".")[0] or None


def ancestor_codes(code: str) -> list[str]:
    """The codes of every ancestor, from the top down."""
    parts = code.split(".")
    return [".".join(parts[:n]) for n in range(1, len(parts))]


def segment_width(level: int) -> int:
    return 2 if level <= 2 else 3


def child_code(parent: str | None, position: int) -> str:
    """The code of the child at this 1-based position under ``parent`` (None: a top-level category)."""
    level = 1 if parent is None else depth(parent) + 1
    width = segment_width(level)
    if not 1 <= position < 10**width:
        raise CodeError(_("第 %(level)d 级最多 %(max)d 个类别，编码已用完。") % {"level": level, "max": 10**width - 1})
    segment = f"{position:0{width}d}"
    return segment if parent is None else f"{parent}.{segment}"


def validate_code(value: str) -> None:
    if not CODE_PATTERN.match(value):
        raise ValidationError(
            _("分类编码“%(code)s”格式不对：一、二级各两位数字，三级及以下各三位，用点分隔，如 01.02.003。"),
            params={"code": value},
        )
