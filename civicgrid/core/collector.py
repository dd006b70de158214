"""Batches that build many objects at once, without the cycle collector's passes in between.

A batch (bulk intake, imports) builds a few hundred thousand objects (cases, events, notices and Django's
state for each), which all stay alive until the batch is written. Every few thousand new objects Python's
cycle collector walks the young ones, and now and then every object of the process, and finds almost nothing
to free: a fifth of bulk intake's CPU went to those passes, more the more the process holds. ``paused`` turns
the collector off for the batch and back on after it; reference counting still frees whatever the batch
drops, and the few cycles it leaves are collected by the first pass after it.

The collector is one per process. Another thread running meanwhile goes without its passes for as long as
the batch runs (seconds), which costs memory only if it makes many cycles of garbage in that time.
"""

import gc
from contextlib import contextmanager
from functools import wraps


@contextmanager
def paused():
    """The collector off inside the block, and on again after it if it was on before (an outer pause stays)."""
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()


def pausing(function):
    """``function`` run with the collector ``paused``."""

    @wraps(function)
    def run(*args, **kwargs):
        with paused():
            return function(*args, **kwargs)

    return run
