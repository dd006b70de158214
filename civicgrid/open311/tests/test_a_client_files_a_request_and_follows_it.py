"""A 311 client files a request through the web form's intake and follows it by id and by token."""

from civicgrid.cases.choices import Channel, Status
from civicgrid.cases.models import Case, CaseEvent
from civicgrid.open311.models import ServiceRequest

from . import schemas
from .support import both, checked, post


def test_a_posted_request_becomes_a_case_with_its_attributes_and_a_derived_title(client, filing):
    answer = checked(post(client, "requests", filing), schemas.REQUEST_FILED)
    case = Case.objects.get(number=answer[0]["service_request_id"])
    assert case.channel == Channel.OPEN311 and case.status == Status.REPORTED
    assert case.title.startswith("暴露垃圾：鼓楼街道路口堆放大量")
    assert case.extra == {"size": "大量", "kinds": ["生活垃圾", "大件垃圾"], "bags": "12"}
    assert (case.reporter_name, case.reporter_phone, case.area_code) == ("张三", "13800138000", "610802001001001")
    assert CaseEvent.objects.get(case=case).action == "report"
    assert answer[0]["account_id"] == "u-42" and case.number in answer[0]["service_notice"]


def test_the_xml_answer_to_a_post_has_the_same_shape(client, filing):
    answer = checked(post(client, "requests", filing, fmt="xml"), schemas.REQUEST_FILED)
    assert Case.objects.filter(number=answer[0]["service_request_id"]).exists()


def test_the_token_leads_to_the_request_id(client, filing):
    answer = checked(post(client, "requests", filing), schemas.REQUEST_FILED)[0]
    found = both(client, f"tokens/{answer['token']}", schemas.TOKENS)
    assert found == [{"service_request_id": answer["service_request_id"], "token": answer["token"]}]


def test_the_filed_request_is_read_back_by_id_and_in_the_list(client, filing, app_key):
    number = checked(post(client, "requests", filing), schemas.REQUEST_FILED)[0]["service_request_id"]
    one = both(client, f"requests/{number}", schemas.REQUESTS, api_key=app_key)
    assert one[0]["service_request_id"] == number and one[0]["status"] == "open"
    assert one[0]["service_code"] == "litter" and one[0]["media_url"] == "https://photos.example.com/1.jpg"
    assert one[0]["lat"] == 38.29 and one[0]["long"] == 109.71
    listed = both(client, "requests", schemas.REQUESTS, api_key=app_key)
    assert [item["service_request_id"] for item in listed] == [number]


def test_a_request_by_address_alone_is_filed_for_the_centre_to_place(client, filing, yulin):
    from civicgrid.api.keys import create_application

    city_key = create_application("市级 App", "6108", ["file"])[1]
    data = {**filing, "api_key": city_key, "address_string": "榆阳区鼓楼街道新建路 12 号"}
    del data["lat"], data["long"]
    answer = checked(post(client, "requests", data), schemas.REQUEST_FILED)[0]
    assert "地址" in answer["service_notice"]
    assert ServiceRequest.objects.get(case__number=answer["service_request_id"]).application.name == "市级 App"
