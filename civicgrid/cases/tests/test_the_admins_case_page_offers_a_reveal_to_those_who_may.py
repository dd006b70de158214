"""The admin's case page shows the reporter's numbers masked; an account that may reveal (a staff member of
the admin site who is also the case's dispatcher) gets a button to the reveal page, an administrator who
does not call residents back gets none, and the page itself never shows a number in full."""

from django.urls import reverse

from civicgrid.testing import factories

from .revealing import PHONE


def test_an_administrator_sees_masked_numbers_and_no_button(admin_client, case_with_numbers):
    page = admin_client.get(f"/admin/cases/case/{case_with_numbers.pk}/change/").content.decode()
    assert "138****8000" in page and PHONE not in page
    assert reverse("cases:reveal", args=[case_with_numbers.number]) not in page


def test_a_dispatcher_with_admin_access_gets_the_button(client, case_with_numbers, yulin):
    dispatcher = factories.staff_with_role("dispatcher", area=yulin["township_a"], username="admin_dispatcher")
    dispatcher.is_staff = dispatcher.is_superuser = True
    dispatcher.save()
    client.force_login(dispatcher)
    page = client.get(f"/admin/cases/case/{case_with_numbers.pk}/change/").content.decode()
    assert reverse("cases:reveal", args=[case_with_numbers.number]) in page and "查看完整联系电话" in page
    assert PHONE not in page
