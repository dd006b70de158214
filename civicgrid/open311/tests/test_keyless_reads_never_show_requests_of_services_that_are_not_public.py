"""Without a key, a request of a service that is not public (or no longer published) does not exist: the list
leaves it out and asking for it by id is a 404 in both formats, never a 403; a key of its area still reads it."""

import pytest

from civicgrid.cases.intake import file_case
from civicgrid.open311.models import Service
from civicgrid.open311.services import publish
from civicgrid.testing import factories

from . import schemas
from .support import both


@pytest.fixture
def dispute(yulin):
    """邻里纠纷, published for keyed clients but not public: it is about people."""
    factories.category("02", "矛盾纠纷", kind="dispute")
    category = factories.category("02.001", "邻里纠纷", kind="dispute")
    publish(category, "neighbours")
    return file_case(factories.report(category, description="楼上张三家每晚吵闹。"))


@pytest.fixture
def litter(service, street_litter, yulin):
    Service.objects.filter(pk=service.pk).update(public=True)
    return file_case(factories.report(street_litter, extra={"size": "少量"}))


def test_a_request_of_a_service_that_is_not_public_is_not_found_without_a_key(client, dispute, litter):
    both(client, f"requests/{dispute.number}", schemas.ERRORS, 404)
    assert [item["service_request_id"] for item in both(client, "requests", schemas.REQUESTS)] == [litter.number]
    assert both(client, "requests", schemas.REQUESTS, service_request_id=dispute.number) == []
    assert both(client, "requests", schemas.REQUESTS, service_code="neighbours") == []


def test_a_public_service_withdrawn_from_publication_is_not_read_any_more(client, litter, service):
    Service.objects.filter(pk=service.pk).update(published=False)
    both(client, f"requests/{litter.number}", schemas.ERRORS, 404)
    assert both(client, "requests", schemas.REQUESTS) == []


def test_a_key_of_the_area_reads_the_request_that_is_not_public(client, dispute, app_key):
    item = both(client, f"requests/{dispute.number}", schemas.REQUESTS, api_key=app_key)[0]
    assert item["description"] == "楼上张三家每晚吵闹。"
