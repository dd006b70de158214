"""The access log only grows: an entry cannot be saved again, deleted, updated or deleted in bulk, and the
admin lists entries without add, change or delete, for superusers too."""

import pytest

from civicgrid.core.models import AccessLog, AppendOnly

from .accesslog import entry


@pytest.fixture
def logged(reported_case, township_dispatcher):
    return entry(township_dispatcher, reported_case, field="phone", reason="回访")


def test_saving_an_entry_again_is_refused(logged):
    logged.reason = "改过的理由"
    with pytest.raises(AppendOnly):
        logged.save()
    assert AccessLog.objects.get().reason == "回访"


def test_deleting_an_entry_is_refused(logged):
    with pytest.raises(AppendOnly):
        logged.delete()
    assert AccessLog.objects.count() == 1


def test_bulk_updates_and_deletes_are_refused(logged):
    with pytest.raises(AppendOnly):
        AccessLog.objects.filter(pk=logged.pk).update(reason="")
    with pytest.raises(AppendOnly):
        AccessLog.objects.all().delete()
    assert AccessLog.objects.get().reason == "回访"


def test_the_admin_lists_and_opens_entries(admin_client, logged):
    assert logged.record_key in admin_client.get("/admin/core/accesslog/").content.decode()
    page = admin_client.get(f"/admin/core/accesslog/{logged.pk}/change/").content.decode()
    assert "回访" in page and 'name="reason"' not in page


def test_the_admin_has_no_add_change_or_delete_even_for_a_superuser(admin_client, logged):
    assert admin_client.get("/admin/core/accesslog/add/").status_code == 403
    assert admin_client.get(f"/admin/core/accesslog/{logged.pk}/delete/").status_code == 403
    admin_client.post(f"/admin/core/accesslog/{logged.pk}/change/", {"reason": "改过的理由"})
    admin_client.post("/admin/core/accesslog/", {"action": "delete_selected", "_selected_action": [logged.pk],
                                                 "post": "yes"})
    assert list(AccessLog.objects.values_list("reason", flat=True)) == ["回访"]
