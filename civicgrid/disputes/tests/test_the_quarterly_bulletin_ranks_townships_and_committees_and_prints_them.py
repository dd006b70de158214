"""季通报: townships and committees ranked by 调处成功率, then by disputes resolved; on a page and as a PDF
whose Chinese text reads back."""

from datetime import date
from io import BytesIO

import pytest
from pypdf import PdfReader

from civicgrid.disputes import rhythm

from .rhythm_fixtures import at, committee, dispute, types


@pytest.fixture
def first_quarter(yulin):
    """Township A: 3 of 5 mediated resolved; township B: 1 of 1; all in 2025's first quarter."""
    kind = types()
    a = committee(yulin["community_a"], "鸳鸯湖社区人民调解委员会", "鸳鸯湖")
    b = committee(yulin["community_b"], "青山路社区人民调解委员会", "青山路")
    for month, resolved in ((1, True), (2, True), (2, False), (3, True), (3, False)):
        dispute(yulin["grid_a"], kind["family"], at(date(2025, month, 5)), accepted_at=at(date(2025, month, 6)),
                resolved=resolved, committee=a)
    dispute(yulin["grid_a"], kind["family"], at(date(2025, 3, 7)))
    dispute(yulin["grid_b"], kind["neighbours"], at(date(2025, 2, 5)), accepted_at=at(date(2025, 2, 6)),
            resolved=True, committee=b)
    dispute(yulin["grid_b"], kind["neighbours"], at(date(2025, 4, 5)), accepted_at=at(date(2025, 4, 6)), committee=b)
    return yulin


def test_the_best_rate_ranks_first(first_quarter):
    found = rhythm.quarterly(first_quarter["county"], rhythm.quarter(2025, 1))
    assert [(r.rank, r.label, r.figures.total, r.figures.rates["success"]) for r in found.townships] == [
        (1, "青山路街道", 1, "100.0%"), (2, "鼓楼街道", 6, "60.0%")]
    assert [(r.rank, r.label, r.figures.resolved) for r in found.committees] == [
        (1, "青山路社区人民调解委员会", 1), (2, "鸳鸯湖社区人民调解委员会", 3)]


def test_the_bulletin_prints_as_a_pdf_in_chinese(client, first_quarter, leader):
    client.force_login(leader)
    answer = client.get(f"/disputes/quarterly/{first_quarter['county'].code}/", {"quarter": "2025-Q1",
                                                                                 "format": "pdf"})
    assert answer["Content-Type"] == "application/pdf"
    text = "".join(page.extract_text() for page in PdfReader(BytesIO(answer.content)).pages).replace(" ", "")
    assert "矛盾纠纷化解工作季度通报" in text and "2025年第1季度" in text
    assert "青山路街道" in text and "60.0%" in text and "签发" in text


def test_the_bulletin_page_shows_the_ranking(client, first_quarter, leader):
    client.force_login(leader)
    page = client.get(f"/disputes/quarterly/{first_quarter['county'].code}/", {"quarter": "2025-q1"})
    assert page.status_code == 200 and 'id="township-ranking"' in page.content.decode()
