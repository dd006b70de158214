"""Each rhythm page downloads its figures as an Excel workbook: the same counts and rates, read back with
openpyxl."""

from datetime import date, timedelta
from io import BytesIO

from django.utils import timezone
from openpyxl import load_workbook

from .rhythm_fixtures import at, committee, dispute, mediator, types


def _book(client, url: str, **query):
    answer = client.get(url, {**query, "format": "xlsx"})
    assert answer["Content-Type"].startswith("application/vnd.openxmlformats")
    return load_workbook(BytesIO(answer.content))


def _rows(sheet) -> list[tuple]:
    return list(sheet.iter_rows(values_only=True))


def test_the_monthly_workbook_has_the_rates_and_breakdowns(client, yulin, township_dispatcher):
    kind = types()
    dispute(yulin["grid_a"], kind["family"], at(date(2025, 3, 2)), accepted_at=at(date(2025, 3, 3)), resolved=True)
    dispute(yulin["grid_a"], kind["family"], at(date(2025, 3, 2)), accepted_at=at(date(2025, 3, 3)))
    client.force_login(township_dispatcher)
    book = _book(client, f"/disputes/monthly/{yulin['township_a'].code}/", month="2025-03")
    assert book.sheetnames == ["总体", "按类型", "按来源", "按调解方式", "按区域", "热点"]
    overall = _rows(book["总体"])
    assert overall[0][:5] == ("期间", "纠纷数", "调解数", "化解数", "调处成功率")
    assert overall[1][:5] == ("2025年3月", 2, 2, 1, "50.0%")
    assert _rows(book["按类型"])[1][:2] == ("婚姻家庭", 2)


def test_the_weekly_workbook_lists_every_dispute_open_over_a_week(client, yulin, township_dispatcher):
    village = committee(yulin["community_a"], "鸳鸯湖社区人民调解委员会", "鸳鸯湖")
    dispute(yulin["grid_a"], types()["family"], timezone.now() - timedelta(days=9), committee=village,
            mediators=[mediator(village, "王调解")])
    client.force_login(township_dispatcher)
    book = _book(client, f"/disputes/weekly/{yulin['township_a'].code}/")
    assert _rows(book["按调解员"])[1][:3] == ("王调解", "鸳鸯湖社区人民调解委员会", 1)
    (listed,) = _rows(book["超一周未化解纠纷"])[1:]
    assert listed[4:8] == ("鸳鸯湖社区人民调解委员会", "王调解", listed[6], 9)


def test_the_daily_and_quarterly_workbooks(client, yulin, township_dispatcher):
    dispute(yulin["grid_a"], types()["family"], timezone.now())
    client.force_login(township_dispatcher)
    daily = _book(client, f"/disputes/daily/{yulin['community_a'].code}/")
    assert _rows(daily["日排查"])[1][:3] == ("鸳鸯湖第1网格", yulin["grid_a"].code, 1)
    assert _rows(daily["日排查"])[1][9] == "有纠纷上报"
    quarterly = _book(client, f"/disputes/quarterly/{yulin['township_a'].code}/")
    assert _rows(quarterly["乡镇街道排名"])[1][:4] == (1, "鼓楼街道", "榆阳区", 1)
