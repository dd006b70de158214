import pytest
from django.contrib.admin.sites import site
from django.core.exceptions import ValidationError
from django.test import RequestFactory

from civicgrid.patrols import services
from civicgrid.patrols.models import Point
from civicgrid.testing.patrols import ZONE_BOX


def test_a_point_east_of_the_zone_is_refused_and_not_saved(patrol):
    with pytest.raises(ValidationError, match="不在巡逻区域“鼓楼步行街巡逻区”内"):
        services.add_point(patrol.zone, "青山路小学", "school", 109.73, 38.29)
    assert not Point.objects.filter(name="青山路小学").exists()


def test_a_point_on_the_zones_edge_is_inside(patrol):
    assert services.add_point(patrol.zone, "边界岗亭", "other", ZONE_BOX[2], 38.29).pk


def test_the_admin_form_refuses_a_point_outside_its_zone(patrol, administrator):
    admin = site._registry[Point]
    request = RequestFactory().post("/")
    request.user = administrator
    form = admin.get_form(request)({"zone": patrol.zone.pk, "name": "青山路小学", "kind": "school",
                                    "longitude": "109.73", "latitude": "38.29"})
    assert not form.is_valid()
    assert "不在巡逻区域" in str(form.errors)


def test_a_zone_whose_geojson_is_not_a_polygon_is_refused():
    with pytest.raises(ValidationError, match="应为 Polygon"):
        services.parse_polygon('{"type": "Point", "coordinates": [109.7, 38.29]}')
