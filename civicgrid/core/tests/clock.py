"""Moments in Asia/Shanghai, written the way a dispatcher reads them."""

from datetime import datetime
from zoneinfo import ZoneInfo

SHANGHAI = ZoneInfo("Asia/Shanghai")


def at(text: str) -> datetime:
    """at("2026-02-13 10:00") is 10:00 on 13 February 2026, Beijing time."""
    return datetime.strptime(text, "%Y-%m-%d %H:%M").replace(tzinfo=SHANGHAI)
