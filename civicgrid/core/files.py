"""Stored files follow the transaction that stored them: a file written inside a transaction (or savepoint)
that rolls back is removed, so no photo outlives the record that named it.

Django runs hooks on commit, never on rollback, so each file written inside a transaction registers a marker
with ``transaction.on_commit``: the commit runs it (the file is kept). A rollback drops it: Django forgets
a savepoint's hooks when the savepoint rolls back and every hook when the transaction does. So a file whose
marker has not run and is no longer among the connection's hooks (``run_on_commit``, what Django's own
``captureOnCommitCallbacks`` reads) belongs to work that was undone, and ``sweep`` removes it. Sweeps run
when a request has finished and before each new file is registered; the list is per thread, as connections
are.
"""

import logging
import threading
from dataclasses import dataclass

from django.db import DEFAULT_DB_ALIAS, connections, transaction

log = logging.getLogger("civicgrid.files")
_local = threading.local()


@dataclass(eq=False)
class Written:
    """A file written inside a transaction; calling it (on commit) marks it kept."""

    storage: object
    name: str
    using: str
    kept: bool = False

    def __call__(self):
        self.kept = True

    def undone(self, waiting: dict[str, set[int]]) -> bool:
        """Whether the work that wrote the file rolled back: its marker has not run and Django dropped it
        (``waiting``: the ids of each connection's hooks still to run, read once per sweep)."""
        connection = connections[self.using]
        if not connection.in_atomic_block:
            return True
        if self.using not in waiting:
            waiting[self.using] = {id(hook) for _savepoints, hook, _robust in connection.run_on_commit}
        return id(self) not in waiting[self.using]


def _pending() -> list[Written]:
    if not hasattr(_local, "pending"):
        _local.pending = []
    return _local.pending


def written(storage, name: str, using: str = DEFAULT_DB_ALIAS) -> None:
    """``name`` was just saved to ``storage``: remove it again if the current transaction rolls back."""
    sweep()
    if not connections[using].in_atomic_block:
        return  # written in autocommit: nothing can take it back
    entry = Written(storage, name, using)
    transaction.on_commit(entry, using=using, robust=True)
    _pending().append(entry)


def sweep(**_signal) -> None:
    """Forget the files whose transaction committed, and remove those whose work was rolled back."""
    left, waiting = [], {}
    for entry in _pending():
        if entry.kept:
            continue
        if entry.undone(waiting):
            _remove(entry)
        else:
            left.append(entry)
    _local.pending = left


def _remove(entry: Written) -> None:
    try:
        entry.storage.delete(entry.name)
    except OSError:
        # Left on disk is what happened before this module existed: worth a line in the log, not an error page.
        log.warning("could not remove %s after its transaction rolled back", entry.name, exc_info=True)
