"""Division and grid codes (GB/T 2260, NBS statistical codes, GB/T 30428.1 grids).

A node's code is stored as its significant prefix: 2 digits for a province, 4
for a city, 6 for a county, 9 for a township, 12 for a village or community, 15
for a grid and 18 and 21 for the responsibility units below it. That prefix is
also the node's scope: a record belongs to a node when its code starts with it.
The familiar 12-digit NBS form pads administrative codes with zeros.
"""

from django.utils.translation import gettext as _

from .choices import AreaLevel

LEVEL_LENGTHS = {
    AreaLevel.PROVINCE: 2,
    AreaLevel.CITY: 4,
    AreaLevel.COUNTY: 6,
    AreaLevel.TOWNSHIP: 9,
    AreaLevel.COMMUNITY: 12,
    AreaLevel.GRID: 15,
    AreaLevel.UNIT: 18,
    AreaLevel.SUBUNIT: 21,
}
LENGTH_LEVELS = {length: level for level, length in LEVEL_LENGTHS.items()}
NBS_LENGTH = 12


class CodeError(ValueError):
    """A code that cannot name a node of the area tree."""


def significant(code: str) -> str:
    """The significant prefix of a code given in short or 12-digit padded form."""
    code = (code or "").strip()
    if not code.isdigit() or not code.isascii():
        raise CodeError(_("代码“%(code)s”只能由数字组成。") % {"code": code})
    if len(code) == NBS_LENGTH:
        return _strip_padding(code)
    if len(code) not in LENGTH_LEVELS:
        raise CodeError(
            _("代码“%(code)s”的位数为 %(n)d，应为 2、4、6、9、12、15、18 或 21 位。") % {"code": code, "n": len(code)}
        )
    return code


def _strip_padding(code: str) -> str:
    for length in (9, 6, 4, 2):
        if code[length:].strip("0") == "":
            continue
        return code[: _next_length(length)]
    return code[:2]


def _next_length(length: int) -> int:
    return {9: 12, 6: 9, 4: 6, 2: 4}[length]


def level_of(code: str) -> AreaLevel:
    return AreaLevel(LENGTH_LEVELS[len(code)])


def parent_code(code: str) -> str | None:
    """The code of the parent node, or None for a province."""
    lengths = sorted(LENGTH_LEVELS)
    index = lengths.index(len(code))
    return code[: lengths[index - 1]] if index else None


def nbs_code(code: str) -> str:
    """The 12-digit NBS form of an administrative code; grids and units keep their own length."""
    return code.ljust(NBS_LENGTH, "0") if len(code) <= NBS_LENGTH else code


def child_length(code: str) -> int | None:
    lengths = sorted(LENGTH_LEVELS)
    index = lengths.index(len(code))
    return lengths[index + 1] if index + 1 < len(lengths) else None
