import pytest
from django.urls import reverse

from .test_public_support import fresh_cache  # noqa: F401


@pytest.mark.parametrize("name", ["public:report", "public:track"])
def test_the_residents_pages_offer_english_and_have_no_staff_menu(client, reported_case, name):
    html = client.get(reverse(name)).content.decode()
    assert 'id="language-form"' in html and 'value="en"' in html
    assert reverse("logout") not in html and reverse("geo:index") not in html

    client.post(reverse("set_language"), {"language": "en", "next": reverse(name)})
    english = client.get(reverse(name))
    assert english.status_code == 200 and '<html lang="en">' in english.content.decode()
