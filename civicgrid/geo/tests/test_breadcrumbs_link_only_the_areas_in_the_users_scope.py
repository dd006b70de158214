"""The area browser's breadcrumbs name every ancestor, but link only those the user may open: a grid worker's
province, city, county, township and community would each answer 404, so they are plain text."""

import re

from django.urls import reverse

from civicgrid.testing.factories import staff_with_role


def crumb_links(html: str) -> list[str]:
    crumbs = re.search(r'<ol class="breadcrumb mb-2" id="area-crumbs">(.*?)</ol>', html, re.S).group(1)
    return re.findall(r'href="([^"]+)"', crumbs)


def test_a_grid_workers_breadcrumbs_name_the_ancestors_without_links(client, grid_worker, yulin):
    client.force_login(grid_worker)
    html = client.get(reverse("geo:area", args=["610802001001001"])).content.decode()
    assert crumb_links(html) == []
    for name in ("陕西省", "榆林市", "榆阳区", "鼓楼街道", "鸳鸯湖社区居委会"):
        assert name in html


def test_a_township_dispatcher_gets_a_link_to_the_township_but_not_above(client, township_dispatcher, yulin):
    client.force_login(township_dispatcher)
    html = client.get(reverse("geo:area", args=["610802001001001"])).content.decode()
    assert crumb_links(html) == ["/areas/610802001/", "/areas/610802001001/"]


def test_every_linked_crumb_opens(client, township_dispatcher, yulin):
    client.force_login(township_dispatcher)
    html = client.get(reverse("geo:area", args=["610802001001001"])).content.decode()
    for link in crumb_links(html):
        assert client.get(link).status_code == 200


def test_a_superuser_gets_every_ancestor_linked(client, yulin):
    admin = staff_with_role("admin", area=yulin["city"], username="root")
    admin.is_superuser = True
    admin.save()
    client.force_login(admin)
    html = client.get(reverse("geo:area", args=["610802001001001"])).content.decode()
    assert crumb_links(html) == ["/areas/61/", "/areas/6108/", "/areas/610802/", "/areas/610802001/",
                                 "/areas/610802001001/"]
