"""An administrator makes a service public (and may hide its descriptions) on its admin page or in the list;
its requests are read without a key at once."""

from civicgrid.cases.intake import file_case
from civicgrid.open311.models import Service
from civicgrid.testing import factories

from . import schemas
from .support import both

FORM = {"service_code": "litter", "published": "on", "group": "市容环境", "keywords": "垃圾", "description": "",
        "ordering": "0"}


def test_ticking_public_on_the_services_page_opens_its_requests_to_keyless_reads(admin_client, service,
                                                                                 street_litter, yulin):
    case = file_case(factories.report(street_litter, extra={"size": "少量"}))
    both(admin_client, f"requests/{case.number}", schemas.ERRORS, 404)  # a session is no key
    answer = admin_client.post(f"/admin/open311/service/{service.pk}/change/",
                               {**FORM, "category": street_litter.pk, "public": "on"})
    assert answer.status_code == 302, answer.content.decode()[:2000]
    service.refresh_from_db()
    assert service.public and not service.public_description
    item = both(admin_client, f"requests/{case.number}", schemas.REQUESTS)[0]
    assert item["description"] is None and item["address"] == "榆阳区鼓楼街道鸳鸯湖第1网格"


def test_the_list_edits_both_ticks(admin_client, service):
    answer = admin_client.post("/admin/open311/service/", {
        "form-TOTAL_FORMS": "1", "form-INITIAL_FORMS": "1", "form-0-id": str(service.pk), "form-0-published": "on",
        "form-0-public": "on", "form-0-public_description": "on", "form-0-ordering": "3", "_save": "保存"})
    assert answer.status_code == 302
    assert Service.objects.filter(pk=service.pk, public=True, public_description=True, ordering=3).exists()
