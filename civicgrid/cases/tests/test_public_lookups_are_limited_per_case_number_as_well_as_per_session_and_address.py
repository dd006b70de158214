"""Wrong number-and-phone pairs are counted per case number as well as per browser session and per address: one
case's phone cannot be guessed from many sessions and addresses, and the case number's count holds the right pair
back too until the pause is over; other case numbers are not held up by it."""

from django.test import Client

from civicgrid.cases.intake import file_case
from civicgrid.core.env import networks
from civicgrid.testing import factories

from .test_public_support import PHONE, fresh_cache, look_up, text_of  # noqa: F401

LOCKED = "查询失败次数过多，请 15 分钟后再试"


def guess(number: str, address: str, n: int):
    """``n`` wrong phones for ``number``, each from a fresh session at ``address``."""
    return [look_up(Client(), number, f"1390013{i:04d}", REMOTE_ADDR=address) for i in range(n)]


def test_ten_wrong_phones_from_ten_addresses_stop_lookups_of_that_number(reported_case):
    for i in range(10):
        guess(reported_case.number, f"198.51.100.{i}", 1)

    refused = look_up(Client(), reported_case.number, PHONE, REMOTE_ADDR="198.51.100.200")
    assert refused.status_code == 429 and LOCKED in text_of(refused.content.decode(), "track-locked")


def test_a_number_typed_without_dashes_counts_as_the_same_number(reported_case):
    for i in range(10):
        guess(reported_case.number.replace("-", ""), f"198.51.100.{i}", 1)
    assert look_up(Client(), reported_case.number, PHONE, REMOTE_ADDR="198.51.100.200").status_code == 429


def test_another_case_number_is_still_looked_up(reported_case, street_litter):
    other = file_case(factories.report(street_litter))
    guess(reported_case.number, "198.51.100.1", 10)
    assert look_up(Client(), other.number, PHONE, REMOTE_ADDR="198.51.100.2").status_code == 302


def test_an_address_is_stopped_after_a_hundred_wrong_pairs_over_many_numbers_and_sessions(reported_case):
    for n in range(100):
        look_up(Client(), f"610802-20000101-{n:05d}", PHONE, REMOTE_ADDR="198.51.100.7")
    assert look_up(Client(), reported_case.number, PHONE, REMOTE_ADDR="198.51.100.7").status_code == 429
    assert look_up(Client(), reported_case.number, PHONE, REMOTE_ADDR="198.51.100.8").status_code == 302


def test_behind_a_trusted_proxy_the_forwarded_address_is_counted(reported_case, settings):
    settings.CIVICGRID_TRUSTED_PROXIES = networks("10.0.0.0/8")
    for n in range(100):
        look_up(Client(), f"610802-20000101-{n:05d}", PHONE, REMOTE_ADDR="10.0.0.2",
                HTTP_X_FORWARDED_FOR="198.51.100.9")
    other_resident = look_up(Client(), reported_case.number, PHONE, REMOTE_ADDR="10.0.0.2",
                             HTTP_X_FORWARDED_FOR="198.51.100.10")
    assert other_resident.status_code == 302
