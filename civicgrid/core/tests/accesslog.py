"""Access log entries as the pages write them, on a day of December 2026, for the tests of the log itself."""

from datetime import datetime
from zoneinfo import ZoneInfo

from civicgrid.core.models import AccessLog

SHANGHAI = ZoneInfo("Asia/Shanghai")


def entry(user, case, *, field: str = "", reason: str = "", day: int = 1) -> AccessLog:
    """A view of ``case`` by ``user`` (or with ``field``, a reveal with ``reason``) at ten on ``day``."""
    return AccessLog.objects.create(
        user=user, username=user.username, at=datetime(2026, 12, day, 10, tzinfo=SHANGHAI),
        action="reveal" if field else "view", field=field, reason=reason, record_type="cases.case",
        record_key=case.number, area_code=case.area_code, via="page", address="10.0.0.8", user_agent="测试浏览器")
