"""Every rhythm page and download is for an area in the user's scope; township A's answer 404 to township
B's dispatcher, and the menu opens each page at the user's own area."""

import pytest

PAGES = ["daily", "weekly", "monthly", "quarterly"]


@pytest.mark.parametrize("page", PAGES)
def test_township_a_is_not_found_for_township_b(client, yulin, outsider, page):
    client.force_login(outsider)
    assert client.get(f"/disputes/{page}/{yulin['township_a'].code}/").status_code == 404
    assert client.get(f"/disputes/{page}/{yulin['township_a'].code}/", {"format": "xlsx"}).status_code == 404
    assert client.get(f"/disputes/{page}/{yulin['township_b'].code}/").status_code == 200


@pytest.mark.parametrize("page", PAGES)
def test_the_menu_opens_the_page_at_the_users_own_area_keeping_the_period(client, yulin, outsider, page):
    client.force_login(outsider)
    answer = client.get(f"/disputes/{page}/", {"month": "2025-03"})
    assert answer.status_code == 302 and answer["Location"].startswith(f"/disputes/{page}/{yulin['township_b'].code}/")
    picked = client.get(f"/disputes/{page}/", {"area": yulin["township_a"].code})
    assert client.get(picked["Location"]).status_code == 404


def test_the_menu_lists_the_rhythm_for_centre_staff(client, yulin, outsider):
    client.force_login(outsider)
    page = client.get("/").content.decode()
    assert all(label in page for label in ("日排查", "周化解", "月研判", "季通报", "群众说事日"))
