"""A file written inside a transaction is removed when that transaction, or the savepoint it was written in,
rolls back, and kept when it commits; a file written outside any transaction is simply kept."""

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import FileSystemStorage
from django.db import transaction

from civicgrid.core import files


class Undone(Exception):
    pass


@pytest.fixture
def storage(tmp_path):
    return FileSystemStorage(location=tmp_path)


def write(storage, name: str) -> str:
    saved = storage.save(name, ContentFile(b"photo"))
    files.written(storage, saved)
    return saved


@pytest.mark.django_db(transaction=True)
def test_a_rolled_back_transaction_leaves_no_file(storage):
    with pytest.raises(Undone), transaction.atomic():
        name = write(storage, "a.jpg")
        assert storage.exists(name)
        raise Undone
    files.sweep()
    assert not storage.exists(name)


@pytest.mark.django_db(transaction=True)
def test_a_committed_transaction_keeps_its_file(storage):
    with transaction.atomic():
        name = write(storage, "a.jpg")
    files.sweep()
    assert storage.exists(name)


@pytest.mark.django_db(transaction=True)
def test_a_rolled_back_savepoint_loses_its_file_and_the_rest_keeps_theirs(storage):
    with transaction.atomic():
        kept = write(storage, "kept.jpg")
        with pytest.raises(Undone), transaction.atomic():
            undone = write(storage, "undone.jpg")
            raise Undone
        files.sweep()
        assert not storage.exists(undone) and storage.exists(kept)
    files.sweep()
    assert storage.exists(kept)


@pytest.mark.django_db(transaction=True)
def test_a_file_written_outside_a_transaction_is_kept(storage):
    name = write(storage, "a.jpg")
    files.sweep()
    assert storage.exists(name)


def test_a_finished_request_sweeps(client, storage, db):
    with pytest.raises(Undone), transaction.atomic():
        name = write(storage, "a.jpg")
        raise Undone
    client.get("/healthz")
    assert not storage.exists(name)
