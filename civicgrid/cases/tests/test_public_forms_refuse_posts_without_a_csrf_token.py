import pytest
from django.test import Client
from django.urls import reverse

from civicgrid.cases.models import Case

from .test_public_support import PHONE, fresh_cache, report_data  # noqa: F401


@pytest.fixture
def strict():
    return Client(enforce_csrf_checks=True)


def test_a_report_without_the_token_is_refused_and_writes_nothing(strict, street_litter, yulin):
    response = strict.post(reverse("public:report"), report_data(street_litter))
    assert response.status_code == 403 and Case.objects.count() == 0


def test_a_lookup_and_a_callback_without_the_token_are_refused(strict, reported_case):
    assert strict.post(reverse("public:track"), {"number": reported_case.number, "phone": PHONE}).status_code == 403
    callback = reverse("public:callback", args=[reported_case.number])
    assert strict.post(callback, {"satisfaction": "satisfied", "version": 1}).status_code == 403


def test_the_pages_carry_the_token_for_their_forms(strict, reported_case):
    for name in ("public:report", "public:track"):
        assert "csrfmiddlewaretoken" in strict.get(reverse(name)).content.decode()
