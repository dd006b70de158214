"""The demo publishes everyday services as public (the noisy ones without their descriptions) and matters about
people for keyed clients only; several of its services have attributes, which its cases fill in and which
Open311 clients must give when they file."""

import random
from datetime import datetime
from urllib.parse import urlencode
from zoneinfo import ZoneInfo

import pytest
from django.test import Client

from civicgrid.api.keys import create_application
from civicgrid.cases.models import Case
from civicgrid.demo.fields import FIELDS, sample_values
from civicgrid.open311.models import Service

pytestmark = pytest.mark.django_db

NOW = datetime(2026, 11, 20, 16, 30, tzinfo=ZoneInfo("Asia/Shanghai"))


def post(data: dict):
    return Client().post("/open311/v2/requests.json", urlencode(data), content_type="application/x-www-form-urlencoded")


def service(name: str) -> Service:
    return Service.objects.select_related("category").get(category__name=name, category__parent__name__in=[
        "市容环境", "街面秩序", "突发事件", "施工管理", "城市建设和市政管理", "环境污染", "城镇居民社会保险", "社会服务"])


def test_everyday_services_are_public_and_matters_about_people_are_not(demo_city):
    for name in ("暴露垃圾", "机动车乱停放", "井盖缺失", "城市公共设施", "园林绿化", "环境卫生"):
        assert service(name).public and service(name).public_description, name
    assert service("噪音污染").public and not service("噪音污染").public_description
    for name in ("乞讨卖艺", "城乡居民养老保险", "婚姻登记"):
        assert service(name).published and not service(name).public, name
    assert not Service.objects.filter(category__kind__in=["dispute", "petition"]).exists()


def test_services_with_attributes_say_so_and_define_them(demo_city):
    listed = Client().get("/open311/v2/services.json").json()
    with_metadata = {item["service_name"] for item in listed if item["metadata"]}
    assert with_metadata >= {path[-1] for path in FIELDS}
    litter = service("暴露垃圾").service_code
    attributes = Client().get(f"/open311/v2/services/{litter}.json").json()["attributes"]
    assert [(a["code"], a["datatype"], a["required"]) for a in attributes] == [
        ("size", "singlevaluelist", True), ("kinds", "multivaluelist", False)]


def test_a_request_without_a_required_attribute_is_refused_by_name(demo_city):
    key = create_application("测试客户端", "6108", ["file"])[1]
    filing = {"api_key": key, "service_code": service("暴露垃圾").service_code, "lat": "38.2853",
              "long": "109.7346", "description": "路口垃圾堆积。"}
    answer = post(filing)
    assert answer.status_code == 400 and answer.json()[0]["description"].startswith("attribute[size]: “垃圾量”为必填项")
    assert post({**filing, "attribute[size]": "大量"}).status_code == 200
    assert Case.objects.get().extra == {"size": "大量"}


def test_the_sample_values_of_the_demos_cases_pass_intakes_checks(demo_city):
    for path in FIELDS:
        category = service(path[-1]).category
        for seed in range(20):
            values = sample_values(category, random.Random(seed), NOW)
            assert {f.code for f in category.all_fields() if f.required} <= set(values)
            assert category.extra_value_errors(values) == {}, (path, values)
