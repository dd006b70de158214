import pytest
from django.urls import reverse

from civicgrid.cases.intake import file_case
from civicgrid.testing import factories


@pytest.fixture
def case_with_photo(settings, tmp_path, street_litter, yulin):
    settings.MEDIA_ROOT = tmp_path
    return file_case(factories.report(street_litter, files=[factories.jpeg("scene.jpg")]))


def test_the_case_page_shows_the_photo_through_the_scoped_view(client, grid_worker, case_with_photo):
    attachment = case_with_photo.attachments.get()
    url = reverse("cases:attachment", args=[case_with_photo.number, attachment.pk])
    client.force_login(grid_worker)
    html = client.get(reverse("cases:detail", args=[case_with_photo.number])).content.decode()
    assert f'src="{url}"' in html and "/media/" not in html
    response = client.get(url)
    assert response.status_code == 200 and response["Content-Type"] == "image/jpeg"
    assert b"".join(response.streaming_content).startswith(b"\xff\xd8\xff")


def test_an_outsider_gets_404_for_the_photo(client, outsider, case_with_photo):
    attachment = case_with_photo.attachments.get()
    client.force_login(outsider)
    assert client.get(reverse("cases:attachment", args=[case_with_photo.number, attachment.pk])).status_code == 404


def test_a_file_of_another_case_is_not_served_under_this_cases_number(client, grid_worker, case_with_photo, street_litter):
    other = file_case(factories.report(street_litter))
    attachment = case_with_photo.attachments.get()
    client.force_login(grid_worker)
    assert client.get(reverse("cases:attachment", args=[other.number, attachment.pk])).status_code == 404
