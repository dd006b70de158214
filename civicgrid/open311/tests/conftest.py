import pytest

from civicgrid.api.keys import create_application
from civicgrid.cases.models import CategoryField
from civicgrid.open311.services import publish
from civicgrid.testing import factories


@pytest.fixture
def service(street_litter):
    """暴露垃圾 published as ``litter`` with one field of each type, the size of the heap required."""
    CategoryField.objects.create(category=street_litter, code="size", label="垃圾量", field_type="choice",
                                 choices=["少量", "较多", "大量"], required=True)
    CategoryField.objects.create(category=street_litter, code="kinds", label="垃圾种类", field_type="multi_choice",
                                 choices=["生活垃圾", "建筑垃圾", "大件垃圾"])
    CategoryField.objects.create(category=street_litter, code="bags", label="袋数", field_type="number")
    CategoryField.objects.create(category=street_litter, code="since", label="出现日期", field_type="date")
    CategoryField.objects.create(category=street_litter, code="spot", label="具体位置", field_type="text",
                                 max_length=50)
    return publish(street_litter, "litter", group="市容环境", keywords="垃圾,暴露垃圾")


@pytest.fixture
def app_key(yulin):
    """A client application of township A (鼓楼街道) that may read, file and comment."""
    return create_application("鼓楼街道 App", "610802001", ["read", "file", "comment"])[1]


@pytest.fixture
def other_key(yulin):
    """A client application of township B: township A's cases are not there for it."""
    return create_application("青山路街道 App", "610802002", ["read", "file", "comment"])[1]


@pytest.fixture
def filing(service, app_key):
    """A good request at the middle of grid A, as a 311 client would post it."""
    lon, lat = factories.GRID_A_POINT
    return {"api_key": app_key, "jurisdiction_id": "yulin", "service_code": "litter", "lat": str(lat),
            "long": str(lon), "description": "鼓楼街道路口堆放大量生活垃圾，气味难闻。", "attribute[size]": "大量",
            "attribute[kinds][]": ["生活垃圾", "大件垃圾"], "attribute[bags]": "12", "first_name": "三",
            "last_name": "张", "phone": "+86 138-0013-8000", "email": "zhang@example.com",
            "media_url": "https://photos.example.com/1.jpg", "account_id": "u-42", "device_id": "dev-1"}
