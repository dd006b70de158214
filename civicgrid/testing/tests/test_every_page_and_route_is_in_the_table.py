"""A page or API route that no row of ``civicgrid/testing/routes.py`` lists fails the suite, naming it."""

import pytest
from django.urls import path

from civicgrid.testing import routes
from config.urls import urlpatterns as project_patterns

TABLE = "civicgrid/testing/routes.py"
# The project's patterns and one page nobody listed, to see the check fail as it should.
urlpatterns = [*project_patterns, path("unlisted/", lambda request: None, name="unlisted_page")]


def _pages() -> set[str]:
    """The resolver's pattern names, without the API's (listed by operation) and the excluded ones."""
    return {name for name, _route in routes.url_patterns()
            if not name.startswith(routes.API_NAMESPACE + ":") and not routes.excluded(name)}


def test_every_url_pattern_has_a_row_in_pages():
    missing = sorted(_pages() - set(routes.PAGES))
    assert not missing, (f"URL patterns with no row in PAGES ({TABLE}): {missing}. Add a page(...) under each "
                         "name: its persona and query budget, or why it is public and what a visitor gets.")


def test_every_row_in_pages_is_a_url_pattern():
    stale = sorted(set(routes.PAGES) - _pages())
    assert not stale, f"Rows in PAGES ({TABLE}) for URL patterns that no longer exist (or are excluded): {stale}"


def test_every_api_operation_has_a_row_and_every_row_is_an_operation():
    operations, listed = routes.api_operations(), set(routes.API)
    assert not sorted(operations - listed), (f"API operations with no row in API ({TABLE}): "
                                             f"{sorted(operations - listed)}. Add a row under each.")
    assert not sorted(listed - operations), f"Rows in API ({TABLE}) for no operation: {sorted(listed - operations)}"


def test_every_route_the_api_serves_is_in_its_schema_or_excluded():
    """A route left out of the schema (``include_in_schema=False``) would escape the table's check above."""
    paths = {operation.split(" ", 1)[1] for operation in routes.API}
    served = [(name, route) for name, route in routes.url_patterns()
              if name.startswith(routes.API_NAMESPACE + ":") and not routes.excluded(name)]
    unlisted = sorted(name for name, route in served if routes.api_path(route) not in paths)
    assert served and not unlisted, f"API routes outside the schema and the table ({TABLE}): {unlisted}"


def test_every_exclusion_says_why_and_still_excludes_something():
    names = [name for name, _route in routes.url_patterns()]
    for key, reason in routes.EXCLUDED.items():
        assert reason.strip(), key
        assert any(routes.excluded(name) and (name == key or name.startswith(key)) for name in names), \
            f"EXCLUDED lists {key!r}, which no longer matches a URL pattern"


def test_every_get_has_a_query_budget_and_every_page_says_who_opens_it():
    for name, row in [*routes.API.items(), *((n, r) for n, page in routes.PAGES.items() for r in page.rows)]:
        assert row.method != "GET" or row.budget is not None, f"{name}: a GET needs a query budget"
    for name, page in routes.PAGES.items():
        assert bool(page.public) == (page.anonymous is not None), \
            f"{name}: a public page says why and what an anonymous visitor gets; a staff page neither"


def test_a_new_page_without_a_row_fails_with_its_name(settings):
    settings.ROOT_URLCONF = __name__
    with pytest.raises(AssertionError, match=r"no row in PAGES .*'unlisted_page'"):
        test_every_url_pattern_has_a_row_in_pages()
