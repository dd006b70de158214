"""The screen's page, its refresh and its refusal read in the reader's language: English when asked."""

from civicgrid.cases.intake import file_case
from civicgrid.testing import factories


def test_the_screen_and_its_refresh_read_in_english(client, leader, street_litter, overdue):
    street_litter.name_en = "Exposed rubbish"
    street_litter.save()
    overdue(file_case(factories.report(street_litter)), hours=50)
    client.force_login(leader)
    page = client.get("/dashboard/screen/610802/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Command screen" in page and "Red light: overdue cases" in page and "Newest reports" in page
    red = client.get("/dashboard/screen/610802/refresh/", HTTP_ACCEPT_LANGUAGE="en").json()["red"]
    assert (red[0]["late"], red[0]["category"], red[0]["kind"]) == ("2 days overdue", "Exposed rubbish",
                                                               "Urban-management event")


def test_the_refusal_reads_in_english(client, grid_worker):
    client.force_login(grid_worker)
    response = client.get("/dashboard/screen/610802001/", HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 403
    assert "open to governance centre staff and leaders only" in response.content.decode()
