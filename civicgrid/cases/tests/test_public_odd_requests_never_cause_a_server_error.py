"""Whatever a browser or a script sends to the residents' pages, the answer is a page or a refusal, never a 500."""

import pytest
from django.urls import reverse

from civicgrid.cases.models import Case

from .test_public_support import PHONE, fresh_cache, look_up, media_in_tmp, report_data  # noqa: F401

LONG = "长" * 5000


@pytest.fixture
def client(client):
    client.raise_request_exception = False
    return client


GETS = [
    "/report/?in=" + LONG, "/report/?q=" + LONG, "/report/?category=abc", "/report/?category=²", "/report/?category=" + "9" * 40,
    "/report/categories/?q=%00", "/report/categories/?in=..", "/report/fields/?category=-1",
    "/report/categories/?in=%00", "/report/categories/?q=%E8%B7%AF%00%E7%81%AF", "/report/categories/?q=%7C%25_",
    "/report/done/nothing/", "/track/?number=" + LONG, "/track/%E2%80%AE/", "/track/x/files/999999999/",
]


@pytest.mark.parametrize("url", GETS)
def test_odd_addresses_answer_without_a_server_error(client, reported_case, url):
    assert client.get(url).status_code in (200, 302, 404)


POSTS = {
    "two categories": {"category": ["1", "2"]},
    "a huge title": {"title": LONG * 4},
    "coordinates with a comma": {"longitude": "109,71", "latitude": "38,29"},
    "negative zero": {"longitude": "-0", "latitude": "-0"},
    "an unknown coordinate field": {"system": "bd09"},
    "a null in the phone": {"reporter_phone": "1380013\x008000"},
    "extra fields of another category": {"extra_nothing": "x"},
}


@pytest.mark.parametrize("changes", POSTS.values(), ids=POSTS.keys())
def test_odd_reports_answer_without_a_server_error(client, street_litter, yulin, changes):
    response = client.post(reverse("public:report"), report_data(street_litter, **changes))
    assert response.status_code in (200, 302)


def test_odd_lookups_and_callbacks_answer_without_a_server_error(client, reported_case):
    for data in ({"number": LONG, "phone": LONG}, {"number": "\x00", "phone": "\x00"}, {}):
        assert client.post(reverse("public:track"), data).status_code == 200
    look_up(client, reported_case.number, PHONE)
    url = reverse("public:callback", args=[reported_case.number])
    for data in ({"satisfaction": "great", "version": "abc"}, {"satisfaction": "satisfied", "version": "-1"},
                 {"satisfaction": "satisfied", "version": str(reported_case.version)}):
        assert client.post(url, data).status_code == 200
    assert Case.objects.get().status == "reported"


def test_a_photo_lost_from_storage_is_not_found(client, reported_case, intake_clerk, township_dispatcher,
                                                department_handler):
    from civicgrid.testing import factories

    from .test_public_support import dispatch_to, handle_all

    dispatch_to(reported_case, intake_clerk, township_dispatcher, department_handler)
    handle_all(reported_case, files=[factories.jpeg()])
    photo = reported_case.attachments.get()
    photo.file.storage.delete(photo.file.name)
    look_up(client, reported_case.number)
    assert client.get(reverse("public:photo", args=[reported_case.number, photo.pk])).status_code == 404
