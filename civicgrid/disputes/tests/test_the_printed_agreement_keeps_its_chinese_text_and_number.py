"""The written agreement prints as a PDF in Chinese with its number, the parties, and signature and seal
lines for the parties, the mediators and the committee; the text can be read back out of the file."""

import io

from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from civicgrid.core.models import AccessLog

from .conftest import accepted, party, take


def test_the_pdf_reads_back_in_chinese(client, dispute_case, mediator, village_committee, grid_worker):
    party(dispute_case, grid_worker)
    case = accepted(dispute_case, mediator, village_committee)
    take(case, "reach_agreement", mediator, facts="楼上卫生间漏水渗到楼下", terms="李四三日内修复防水层",
         performance_terms="三日内修复", signed_on=str(timezone.localdate()))
    client.force_login(mediator)
    answer = client.get(reverse("disputes:agreement", args=[case.number]))
    assert answer.status_code == 200 and answer["Content-Type"] == "application/pdf"
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(answer.content)).pages)
    text = text.replace(" ", "").replace("\n", "")
    for words in ("人民调解协议书", "鸳鸯湖调字第0001号", "李四三日内修复防水层", "张三", "盖章", "当事人（签名、捺印）",
                  "人民调解员（签名）", "王调解", "鸳鸯湖社区人民调解委员会"):
        assert words in text, words
    assert AccessLog.objects.filter(record_key=case.number, action="view", record_type="disputes.agreement").exists()


def test_an_oral_agreement_has_no_printed_document(client, dispute_case, mediator, village_committee, grid_worker):
    party(dispute_case, grid_worker)
    case = accepted(dispute_case, mediator, village_committee)
    take(case, "oral_agreement", mediator, facts="噪音", terms="十点后停工", signed_on=str(timezone.localdate()))
    client.force_login(mediator)
    assert client.get(reverse("disputes:agreement", args=[case.number])).status_code == 404
