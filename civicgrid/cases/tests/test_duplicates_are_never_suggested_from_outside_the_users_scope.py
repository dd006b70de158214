"""重复件提示 shows only cases the user may see: a neighbour township's report across the boundary is
never named, on the page or by ``duplicates``."""

import pytest
from django.urls import reverse

from civicgrid.cases.duplicates import candidates, near
from civicgrid.cases.intake import file_case
from civicgrid.testing import factories

# Township B's grid starts at 109.72 E; these two points are about 170 m apart across the boundary.
IN_A = (109.7195, 38.29)
IN_B = (109.7215, 38.29)


@pytest.fixture
def across_the_boundary(street_litter, yulin):
    street_litter.duplicate_radius_m = 500
    street_litter.save()
    in_b = file_case(factories.report(street_litter, point=IN_B, title="青山路井盖缺失"))
    in_a = file_case(factories.report(street_litter, point=IN_A))
    return in_a, in_b


def test_a_case_in_the_users_scope_is_suggested(across_the_boundary, outsider):
    in_a, in_b = across_the_boundary
    assert [case for case, _distance in candidates(in_a, outsider)] == [in_b]


def test_a_case_outside_the_users_scope_is_not(across_the_boundary, township_dispatcher, outsider):
    in_a, in_b = across_the_boundary
    assert candidates(in_a, township_dispatcher) == []
    assert [case for case, _distance in near(in_b.category, *IN_A, township_dispatcher)] == [in_a]
    assert [case for case, _distance in near(in_b.category, *IN_A, outsider)] == [in_b]


def test_an_anonymous_caller_is_suggested_nothing(across_the_boundary):
    in_a, _in_b = across_the_boundary
    assert candidates(in_a, factories.AnonymousUser()) == []


def test_the_merge_form_names_no_case_outside_the_users_scope(client, across_the_boundary, intake_clerk):
    in_a, in_b = across_the_boundary
    client.force_login(intake_clerk)
    page = client.get(reverse("cases:detail", args=[in_a.number]))
    assert page.status_code == 200
    assert page.context["duplicates"] == [] and in_b.number not in page.content.decode()
