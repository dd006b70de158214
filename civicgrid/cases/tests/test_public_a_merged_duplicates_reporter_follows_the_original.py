import pytest
from django.urls import reverse

from civicgrid.cases.intake import file_case
from civicgrid.cases.services import transition
from civicgrid.testing import factories

from .test_public_support import fresh_cache, look_up, text_of  # noqa: F401

FOLLOWER = "13700137000"


@pytest.fixture
def duplicate(reported_case, street_litter, intake_clerk):
    """A second resident reports the same pile; the clerk merges it into the first report."""
    case = file_case(factories.report(street_litter, reporter_name="赵六", reporter_phone=FOLLOWER))
    transition(case, "merge", intake_clerk, original=reported_case.number)
    case.refresh_from_db()
    return case


def test_the_duplicates_number_and_its_reporters_phone_open_the_original(client, reported_case, duplicate):
    response = look_up(client, duplicate.number, FOLLOWER)
    assert response["Location"] == reverse("public:case", args=[reported_case.number])
    html = client.get(response["Location"]).content.decode()
    assert text_of(html, "case-number") == reported_case.number
    assert f"编号 {duplicate.number} 与 {reported_case.number} 反映的是同一问题" in html
    assert "赵六" not in html and "张三" not in html


def test_the_follower_may_also_use_the_originals_number(client, reported_case, duplicate):
    response = look_up(client, reported_case.number, FOLLOWER)
    assert response["Location"] == reverse("public:case", args=[reported_case.number])


def test_a_phone_that_is_neither_reporters_nor_followers_opens_nothing(client, reported_case, duplicate):
    response = look_up(client, reported_case.number, "13600136000")
    assert response.status_code == 200 and "编号或手机号不正确" in response.content.decode()


def test_a_case_merged_after_it_was_looked_up_opens_its_original(client, reported_case, street_litter,
                                                                 intake_clerk):
    case = file_case(factories.report(street_litter, reporter_phone=FOLLOWER))
    look_up(client, case.number, FOLLOWER)
    transition(case, "merge", intake_clerk, original=reported_case.number)
    response = client.get(reverse("public:case", args=[case.number]), follow=True)
    assert text_of(response.content.decode(), "case-number") == reported_case.number
