"""Need-to-know: a support record opens for its responsible worker, the grid head of the resident's grid and
the township's programme officer, each opening one row of the access log. Everyone else gets 404 and leaves
no trace: another worker of the same grid, centre staff of the township, the city's leader, the auditor, the
administrator, a superuser, and staff of the other township."""

import pytest
from django.urls import reverse

from civicgrid.care.models import Enrolment
from civicgrid.core.models import AccessLog
from civicgrid.orgs.models import Staff

PAGES = ["care:detail", "care:reveal"]


@pytest.mark.parametrize("who", ["grid_worker", "grid_head", "officer"])
@pytest.mark.parametrize("page", PAGES)
def test_those_who_need_to_know_open_it_and_each_view_is_logged(client, request, enrolment, who, page):
    person = request.getfixturevalue(who)
    client.force_login(person)
    assert client.get(reverse(page, args=[enrolment.pk])).status_code == 200
    entry = AccessLog.objects.get()
    assert (entry.user, entry.action, entry.record_type, entry.record_key, entry.area_code, entry.via) == (
        person, "view", "care.enrolment", f"care-{enrolment.pk}", enrolment.area_code, "page")


@pytest.fixture
def superuser(db):
    return Staff.objects.create_superuser("root", password=None)


@pytest.mark.parametrize("who", ["other_worker", "township_dispatcher", "intake_clerk", "shift_lead", "leader",
                                 "auditor", "administrator", "superuser", "outsider"])
@pytest.mark.parametrize("page", [*PAGES, "care:visit", "care:leave"])
def test_everyone_else_gets_not_found_and_nothing_is_logged_or_changed(client, request, enrolment, who, page):
    client.force_login(request.getfixturevalue(who))
    method = client.get if page in PAGES else client.post
    assert method(reverse(page, args=[enrolment.pk]), {"reason": "no_longer_needed"}).status_code == 404
    assert not AccessLog.objects.exists()
    assert Enrolment.objects.get().left_at is None and not enrolment.visits.exists()


def test_the_list_shows_each_person_only_what_they_need_to_know(client, enrolment, other_worker, leader, officer):
    for person, sees in ((other_worker, False), (leader, False), (officer, True)):
        client.force_login(person)
        html = client.get(reverse("care:list")).content.decode()
        assert (reverse("care:detail", args=[enrolment.pk]) in html) is sees, person


def test_a_grid_head_of_another_grid_does_not_see_it(client, enrolment, yulin):
    from civicgrid.testing import factories

    client.force_login(factories.staff_with_role("grid_head", area=yulin["grid_b"], username="head_b"))
    assert client.get(reverse("care:detail", args=[enrolment.pk])).status_code == 404


def test_an_officers_mark_goes_with_their_role_at_the_township(client, enrolment, officer):
    officer.assignments.get().delete()
    client.force_login(Staff.objects.get(pk=officer.pk))
    assert client.get(reverse("care:detail", args=[enrolment.pk])).status_code == 404
