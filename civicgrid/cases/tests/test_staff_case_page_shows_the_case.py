from django.urls import reverse

from civicgrid.cases.intake import file_case
from civicgrid.cases.services import transition
from civicgrid.testing import factories


def page_of(client, user, case):
    client.force_login(user)
    response = client.get(reverse("cases:detail", args=[case.number]))
    assert response.status_code == 200
    return response


def test_the_case_page_shows_details_with_the_phone_masked_and_the_timeline_with_names(
    client, intake_clerk, reported_case,
):
    transition(reported_case, "register", intake_clerk, note="予以立案")
    page = page_of(client, intake_clerk, reported_case)
    html = page.content.decode()
    assert "市容环境 › 暴露垃圾" in html and "张三" in html
    assert "138****8000" in html and "13800138000" not in html
    assert f"{intake_clerk}（鼓楼街道综治中心）" in html and "予以立案" in html
    assert 'id="case-map"' in html and "鸳鸯湖第1网格" in html


def test_an_anonymous_reporter_is_shown_as_such(client, township_dispatcher, street_litter, yulin):
    case = file_case(factories.report(street_litter, anonymous=True))
    html = page_of(client, township_dispatcher, case).content.decode()
    reporter = html.split('id="reporter"')[1].split("</dd>")[0]
    assert "匿名" in reporter and "张三" not in reporter and "8000" not in reporter


def test_a_case_filed_by_address_only_says_it_waits_to_be_placed(client, leader, street_litter, yulin):
    case = file_case(factories.report(street_litter, point=(None, None), address="榆阳区某小区门口"))
    html = page_of(client, leader, case).content.decode()
    assert "按地址受理，待定位" in html and 'id="case-map"' not in html


def test_merge_offers_nearby_open_cases_of_the_same_category(client, intake_clerk, reported_case, street_litter):
    twin = file_case(factories.report(street_litter, title="同一井盖", point=(109.7101, 38.2901)))
    page = page_of(client, intake_clerk, twin)
    assert [(c.number, d) for c, d in page.context["duplicates"]] == [(reported_case.number, 14)]
    client.post(reverse("cases:act", args=[twin.number]),
                {"action": "merge", "version": twin.version, "original": reported_case.number})
    twin.refresh_from_db()
    assert twin.status == "merged" and twin.duplicate_of == reported_case
