"""Taking personal data out of free text before it is shown to the public (脱敏): phone numbers, ID numbers and
names in a resident's description of a matter, for a public map of reports.

This is a safety net, not a guarantee: it finds what has a shape (mainland mobiles, landlines with their area
code, 18-digit ID numbers, a number after 电话/手机/座机), the reporter's name as stored, and a name someone
introduces (我叫…, 姓名：…, 我姓…). A name in running text with nothing around it is not found, so
services whose descriptions are about people are not shown to the public at all.
"""

import re
from collections.abc import Iterable

MASK = "***"
HAN = "\u4e00-\u9fff"
# The order matters: an ID number holds what looks like a mobile, a landline what looks like a short number.
ID_NUMBER = re.compile(r"(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])")
MOBILE = re.compile(r"(?<![0-9])(?:(?:\+|00)?86[\s-]?)?1[3-9]\d(?:[\s-]?\d){8}(?![0-9])")
LANDLINE = re.compile(r"(?<![0-9])(?:[(（]0\d{2,3}[)）]\s?|0\d{2,3}[\s-]?)[2-9]\d{6,7}(?:(?:-|转)\d{1,6})?(?![0-9])")
AFTER_KEYWORD = re.compile(r"(?P<keep>(?:电话|手机|座机|联系方式|号码)(?:号码?)?(?:是|为)?[\s:：]*)\d[\d\s-]{4,}\d")
# A name someone gives: two to four Chinese characters (or with a ·) ending where a clause ends.
NAME_GIVEN = re.compile(rf"(?P<keep>(?:我叫|名叫|我的名字是|姓名[是为]?[:：]?|联系人[是为]?[:：]?)\s*)[{HAN}·]{{2,4}}"
                        rf"(?=$|[\s，。,.！!？?；;、（()）:：])")
SURNAME_GIVEN = re.compile(rf"(?P<keep>(?:我姓|本人姓|免贵姓))[{HAN}]")
TITLES = "先生|女士|小姐|师傅|阿姨|大爷|大妈|老师"


def redact(text: str, names: Iterable[str] = ()) -> str:
    """``text`` with phone and ID numbers and names replaced by ``***``; ``names`` are people's names as
    stored (the reporter's), each also found as surname + 先生/女士/….

    Names of one character are left alone: replacing every 王 in a text would leave nothing readable."""
    for pattern in (ID_NUMBER, MOBILE, LANDLINE):
        text = pattern.sub(MASK, text)
    for pattern in (AFTER_KEYWORD, NAME_GIVEN, SURNAME_GIVEN):
        text = pattern.sub(lambda match: match.group("keep") + MASK, text)
    for name in sorted({name.strip() for name in names if len(name.strip()) > 1}, key=len, reverse=True):
        text = text.replace(name, MASK)
        text = re.sub(rf"{re.escape(name[0])}(?={TITLES})", MASK, text)
    return text
