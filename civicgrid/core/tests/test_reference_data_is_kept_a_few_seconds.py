import pytest
from django.utils import timezone

from civicgrid.api import keys
from civicgrid.api.models import ClientApplication
from civicgrid.core import recent


@pytest.fixture
def clock(monkeypatch, settings):
    settings.CIVICGRID_REFERENCE_RECHECK_S = 5
    now = [1000.0]
    monkeypatch.setattr(recent.time, "monotonic", lambda: now[0])
    return now


def counting_reader(values):
    reads = []

    def read():
        reads.append(1)
        return values[0]
    return read, reads


def test_a_value_is_read_again_only_after_the_recheck_time(clock):
    kept, values = recent.Recent(), ["v1"]
    read, reads = counting_reader(values)
    assert kept.get("k", read) == "v1"
    values[0] = "v2"
    clock[0] += 4.9
    assert kept.get("k", read) == "v1" and len(reads) == 1
    clock[0] += 0.2
    assert kept.get("k", read) == "v2" and len(reads) == 2


def test_nothing_found_is_not_kept(clock):
    kept = recent.Recent()
    read, reads = counting_reader([None])
    kept.get("guess", read)
    kept.get("guess", read)
    assert len(reads) == 2


def test_zero_reads_every_time(settings):
    settings.CIVICGRID_REFERENCE_RECHECK_S = 0
    kept = recent.Recent()
    read, reads = counting_reader(["v"])
    kept.get("k", read)
    kept.get("k", read)
    assert len(reads) == 2


def test_the_map_is_emptied_when_full(clock):
    kept = recent.Recent(max_entries=2)
    for key in "abc":
        kept.get(key, lambda: key)
    assert len(kept._values) == 1


def test_a_key_revoked_here_stops_at_once_and_one_revoked_elsewhere_within_the_recheck_time(client, clock, yulin):
    first, raw_first = keys.create_application("甲", "610802", ["read"])
    second, raw_second = keys.create_application("乙", "610802", ["read"])
    for raw in (raw_first, raw_second):
        assert client.get("/api/v1/me", HTTP_X_API_KEY=raw).status_code == 200
    keys.revoke(first)
    assert client.get("/api/v1/me", HTTP_X_API_KEY=raw_first).status_code == 401
    ClientApplication.objects.filter(pk=second.pk).update(revoked_at=timezone.now())  # another process
    assert client.get("/api/v1/me", HTTP_X_API_KEY=raw_second).status_code == 200
    clock[0] += 5
    assert client.get("/api/v1/me", HTTP_X_API_KEY=raw_second).status_code == 401
