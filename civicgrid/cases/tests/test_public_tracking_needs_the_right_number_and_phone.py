from django.urls import reverse

from .test_public_support import PHONE, fresh_cache, look_up, text_of  # noqa: F401

WRONG = "编号或手机号不正确"


def test_the_reporter_opens_their_case_with_its_number_and_their_phone(client, reported_case):
    response = look_up(client, reported_case.number, PHONE)
    assert response.status_code == 302
    assert response["Location"] == reverse("public:case", args=[reported_case.number])
    html = client.get(response["Location"]).content.decode()
    assert text_of(html, "case-status") == "待受理"
    assert reported_case.title in html and "暴露垃圾" in html and "上报" in text_of(html, "timeline")


def test_a_number_typed_without_dashes_and_a_phone_with_spaces_still_match(client, reported_case):
    number = reported_case.number.replace("-", "")
    assert look_up(client, number, "138 0013 8000").status_code == 302


def test_a_wrong_phone_and_a_wrong_number_get_the_same_message(client, reported_case):
    wrong_phone = look_up(client, reported_case.number, "13900139000")
    wrong_number = look_up(client, "610802-20000101-00001", PHONE)
    for response in (wrong_phone, wrong_number):
        assert response.status_code == 200
        assert text_of(response.content.decode(), "track-error") == WRONG + "。"
    assert reported_case.title not in wrong_phone.content.decode()


def test_the_case_page_needs_a_lookup_in_this_session(client, reported_case):
    response = client.get(reverse("public:case", args=[reported_case.number]))
    assert response.status_code == 302 and response["Location"].startswith(reverse("public:track"))


def test_an_empty_form_asks_for_both_fields_without_counting_as_a_failure(client, reported_case):
    response = client.post(reverse("public:track"), {"number": "", "phone": ""})
    html = response.content.decode()
    assert response.status_code == 200 and WRONG not in html and html.count("invalid-feedback") == 2


def test_after_ten_wrong_pairs_the_session_is_refused_for_a_while_even_with_the_right_pair(client, reported_case):
    for _ in range(10):
        look_up(client, reported_case.number, "13900139000")
    refused = look_up(client, reported_case.number, PHONE)
    assert refused.status_code == 429
    assert "15 分钟后再试" in text_of(refused.content.decode(), "track-locked")
    assert "15 分钟后再试" in client.get(reverse("public:track")).content.decode()


def test_another_session_is_not_held_up_by_a_few_failures_elsewhere(client, reported_case):
    from django.test import Client

    for _ in range(10):
        look_up(client, "610802-20000101-00001", PHONE)
    assert look_up(Client(), reported_case.number, PHONE).status_code == 302
