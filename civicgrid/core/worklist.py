"""我的任务: what each person has to do today, gathered from every app that gives them work.

The task list is drawn below the apps that fill it (cases waiting for a step, visits due, patrol shifts,
the zero report, support visits), so each app registers a source from ``AppConfig.ready()`` instead of the
page importing them. A source is ``source(user, now)`` returning ``Task`` items for that user only, already
scoped; it is asked only when the user holds one of its ``roles`` (an empty set asks it for everyone).
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True)
class Task:
    """任务: one line of a person's task list, pointing at the page where it is done.

    ``kind`` is what the line is, as the page shows it and groups by (translated: 待核查, 零报告, 包户走访 …).

    ``count`` is how many matters the line stands for: a source that stops at its most urgent items adds one
    line for the rest (``count`` of them), linking to the list where they all are, so the counts stay true."""

    kind: str
    title: str
    url: str
    due_at: datetime | None = None
    place: str = ""
    order: int = 100
    count: int = 1

    def overdue(self, now: datetime) -> bool:
        return self.due_at is not None and self.due_at < now

    def sort_key(self, now: datetime) -> tuple:
        """Overdue first, then the soonest due, then what has no deadline, each in its source's order."""
        due = self.due_at.timestamp() if self.due_at else float("inf")
        return (not self.overdue(now), due, self.order, self.title)


@dataclass(frozen=True)
class Source:
    """任务来源: an app's contribution to the task list."""

    name: str
    tasks: Callable[..., Iterable[Task]]
    roles: frozenset = frozenset()
    order: int = 100


SOURCES: dict[str, Source] = {}


def register_source(name: str, tasks: Callable[..., Iterable[Task]], *, roles=(), order: int = 100) -> None:
    SOURCES[name] = Source(name, tasks, frozenset(roles), order)


def tasks_for(user, roles, now: datetime) -> list[Task]:
    """Every task of this user from every source their roles reach, overdue first."""
    found = []
    for source in sorted(SOURCES.values(), key=lambda s: s.order):
        if not source.roles or user.is_superuser or source.roles & set(roles):
            found.extend(source.tasks(user, now))
    return sorted(found, key=lambda task: task.sort_key(now))
