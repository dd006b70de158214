"""``collector.paused``: the cycle collector is off inside a batch and as it was after it, however the batch ends."""

import gc

import pytest

from civicgrid.core.collector import paused, pausing


@pytest.fixture
def collector_on():
    gc.enable()
    yield
    gc.enable()


def test_the_collector_is_off_inside_and_on_again_after(collector_on):
    with paused():
        assert not gc.isenabled()
    assert gc.isenabled()


def test_an_inner_pause_leaves_the_outer_one_standing(collector_on):
    with paused():
        with paused():
            pass
        assert not gc.isenabled()
    assert gc.isenabled()


def test_a_batch_that_fails_turns_the_collector_on_again(collector_on):
    @pausing
    def failing():
        assert not gc.isenabled()
        raise ValueError("bad row")

    with pytest.raises(ValueError):
        failing()
    assert gc.isenabled()


def test_a_collector_that_was_off_stays_off(collector_on):
    gc.disable()
    with paused():
        pass
    assert not gc.isenabled()
