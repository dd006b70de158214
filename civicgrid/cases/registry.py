"""The loop's registry: the kinds of matter, their stages and the steps a case can take.

Every app that adds a kind of matter (a dispute, a hazard, a petition …) or a step fills this from its
``AppConfig.ready()``; ``cases`` registers the spine's own kinds and steps the same way (``spine.py``).
The workflow checks, the case page, the JSON API, Open311, the timeline and the notices all read it, so
adding a kind or a step edits nothing in ``cases`` (``docs/extending.md``).

What is wrong with a registration is refused at start-up by a system check (``checks.py``), never at the
first request: a step registered twice, a kind without its side record, a step whose input schema is not
the one its function takes, a kind's stage without a time limit.
"""

import inspect
from collections.abc import Callable
from dataclasses import dataclass, field

from django.core.exceptions import ImproperlyConfigured
from pydantic import BaseModel, ConfigDict

from civicgrid.core.choices import TimeUnit

ANY_KIND = frozenset()


class NoParams(BaseModel):
    """The input of a step that takes nothing but its note and files."""

    model_config = ConfigDict(extra="forbid")


@dataclass(frozen=True)
class Stage:
    """环节: a stretch of the loop with its own clock, such as 派遣 or a dispute's 化解."""

    code: str
    label: str


@dataclass(frozen=True)
class Facet:
    """分项: what the figures break a kind's cases down by, read from its side record after every step that
    changes it (a hazard's grade, a dispute's mediation result), and the kind's own rate over it.

    ``of(record)`` gives the code (one of ``choices``, a mapping of code to label); ``rate`` is (label, codes
    counted, codes counted over), such as 调处成功率 = resolved ÷ (resolved + failed + mediating)."""

    label: str
    choices: dict
    of: Callable
    rate: tuple | None = None


@dataclass(frozen=True)
class Kind:
    """事项类型: a kind of matter, its side record and its stages' default time limits.

    ``record`` is the model of the side record (one-to-one with ``Case`` as its primary key), created and
    changed only inside steps; ``None`` says, explicitly, that the case alone holds the matter, as for the
    spine's kinds. ``limits`` maps each stage the kind's cases pass through to (amount, unit). ``skips``
    names steps open to every kind that this kind's cases do not take: a hazard is closed by its own
    销号 after the rectification is verified, not by the spine's 结案. ``panel`` is the template of the case
    page's block showing the side record, ``panel_context(user, case)`` what it needs besides the case.
    ``facet`` is what the figures break its cases down by (``Facet``), if anything.
    """

    code: str
    label: str
    record: type | None
    limits: dict
    skips: frozenset = frozenset()
    panel: str = ""
    panel_context: Callable | None = None
    facet: Facet | None = None


@dataclass(frozen=True)
class Step:
    """One step of the loop: its row of the table and everything derived from it.

    The row: ``sources`` are case states, or assignment states when ``on_assignment``; ``target`` None keeps
    the state (or lets the step decide, as a callback does); ``approval`` names the request the step files
    instead of acting, ``approves`` the request an approver's step carries out; ``offered`` False keeps it
    off the case page's buttons (a remark). ``kinds`` limits it to kinds of matter (empty: every kind).

    The rest: ``run(work, params)`` does it, ``params`` is the one input schema (page form, JSON API and
    imports), ``template`` the fragment with its inputs and ``context(user, case, assignments)`` what the
    fragment needs besides, ``public`` whether residents see it on their
    timeline and Open311, ``result`` whether its note and photos are the result they may read,
    ``describe(data)`` its wording there from the event's data, ``notify(event)`` who hears of it, ``grantable`` whether client
    applications may be granted it. ``guard(case, lookups)`` says, in words, why the step does not fit this case
    although its state does (a case that has a phone to call back), or "" when it fits; ``lookups`` is what the
    step itself would read (``writer.Lookups``), or None outside a step (the case page's buttons).
    ``awaited_in`` are the states (of its ``sources``) in which the case waits for this step to move on: whoever
    may take it finds the case on their task list (我的任务, ``cases.waiting``) with the stage's due time.
    """

    action: str
    label: str
    run: Callable | None
    sources: frozenset
    target: str | None
    roles: frozenset
    kinds: frozenset = ANY_KIND
    on_assignment: bool = False
    approval: str | None = None
    approves: str | None = None
    needs_files: bool = False
    needs_note: bool = False
    offered: bool = True
    params: type[BaseModel] = NoParams
    template: str = ""
    context: Callable | None = None
    public: bool = False
    result: bool = False
    describe: Callable | None = None
    notify: Callable | None = None
    grantable: bool = True
    guard: Callable | None = None
    awaited_in: frozenset = frozenset()

    @property
    def takeable(self) -> bool:
        """Whether anyone may take it: an event the loop writes itself has no from-states."""
        return bool(self.sources)

    def applies_to(self, kind: str) -> bool:
        registered = REGISTRY.kinds.get(kind)
        skipped = registered is not None and self.action in registered.skips
        return (not self.kinds or kind in self.kinds) and not skipped


@dataclass
class Registry:
    """What has been registered, in the order it was; ``problems`` are kept for the start-up check."""

    kinds: dict[str, Kind] = field(default_factory=dict)
    stages: dict[str, Stage] = field(default_factory=dict)
    steps: dict[str, Step] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)


REGISTRY = Registry()


def register_stage(code: str, label: str) -> Stage:
    stage = Stage(code, label)
    if REGISTRY.stages.setdefault(code, stage) is not stage:
        REGISTRY.problems.append(f"stage {code!r} is registered twice")
    return stage


def register_kind(code: str, label: str, *, record, limits: dict, skips=(), panel: str = "",
                  panel_context: Callable | None = None, facet: Facet | None = None) -> Kind:
    kind = Kind(code, label, record, dict(limits), frozenset(skips), panel, panel_context, facet)
    if REGISTRY.kinds.setdefault(code, kind) is not kind:
        REGISTRY.problems.append(f"kind {code!r} is registered twice")
    return kind


def register_step(action: str, label: str, run, *, sources, target, roles, awaited_in=(), **options) -> Step:
    step = Step(action, label, run, frozenset(sources), target, frozenset(roles), awaited_in=frozenset(awaited_in),
                **options)
    if REGISTRY.steps.setdefault(action, step) is not step:
        REGISTRY.problems.append(f"step {action!r} is registered twice")
    return step


def register_event(action: str, label: str, **options) -> Step:
    """An event the loop writes itself (filing, a refused request): on the timeline, never a step to take."""
    return register_step(action, label, None, sources=(), target=None, roles=(), offered=False, grantable=False,
                         **options)


def steps() -> list[Step]:
    return list(REGISTRY.steps.values())


def awaited() -> list[Step]:
    """The steps cases wait for (``awaited_in``), in registration order."""
    return [s for s in REGISTRY.steps.values() if s.awaited_in]


def step(action: str) -> Step | None:
    return REGISTRY.steps.get(action)


def kind(code: str) -> Kind | None:
    return REGISTRY.kinds.get(code)


def kinds() -> list[Kind]:
    return list(REGISTRY.kinds.values())


def stages() -> list[Stage]:
    return list(REGISTRY.stages.values())


def label(action: str) -> str:
    """The step's name, or the raw action for an event whose step is no longer registered."""
    found = step(action)
    return str(found.label) if found else action


def step_choices() -> list[tuple[str, str]]:
    return [(s.action, s.label) for s in steps()]


def kind_choices() -> list[tuple[str, str]]:
    return [(k.code, k.label) for k in kinds()]


def stage_choices() -> list[tuple[str, str]]:
    return [(s.code, s.label) for s in stages()]


def approver_action(approval_kind: str) -> str:
    """The step that carries out a request of this kind: whoever may take it decides on the request."""
    return next(s.action for s in steps() if s.approves == approval_kind)


def limit(kind_code: str, stage: str) -> tuple:
    """The kind's default limit for a stage, when neither the category nor its ancestors set one. A category
    whose kind is no longer registered (its app removed) takes the first kind's, so its cases keep a clock."""
    found = kind(kind_code) or REGISTRY.kinds[next(iter(REGISTRY.kinds))]
    try:
        return found.limits[stage]
    except KeyError:
        raise ImproperlyConfigured(f"kind {found.code!r} has no time limit for stage {stage!r}") from None


# ---- start-up checks (run by ``checks.registrations_are_sound``)


def problems() -> list[str]:
    """Everything wrong with what has been registered, as sentences for the start-up check."""
    found = list(REGISTRY.problems)
    for registered in kinds():
        found += _kind_problems(registered)
    for registered in steps():
        found += _step_problems(registered)
    return found


def _kind_problems(registered: Kind) -> list[str]:
    found = []
    if registered.record is not None and not _is_side_record(registered.record):
        found.append(f"kind {registered.code!r}: its record {registered.record!r} is not a model with a "
                     "one-to-one primary key to cases.Case")
    for stage, value in registered.limits.items():
        if stage not in REGISTRY.stages:
            found.append(f"kind {registered.code!r}: stage {stage!r} is not registered")
        if not _is_limit(value):
            found.append(f"kind {registered.code!r}: stage {stage!r} has no time limit (amount, unit)")
    found += [f"kind {registered.code!r} skips {action!r}, which is not a registered step"
              for action in sorted(registered.skips) if action not in REGISTRY.steps]
    return found


def _is_side_record(model) -> bool:
    primary = getattr(getattr(model, "_meta", None), "pk", None)
    return (primary is not None and primary.one_to_one and primary.related_model is not None
            and primary.related_model._meta.label == "cases.Case")


def _is_limit(value) -> bool:
    try:
        amount, unit = value
    except (TypeError, ValueError):
        return False
    return isinstance(amount, int | float) and amount > 0 and unit in TimeUnit.values


def _step_problems(registered: Step) -> list[str]:
    found = [f"step {registered.action!r}: kind {code!r} is not registered"
             for code in registered.kinds if code not in REGISTRY.kinds]
    found += [f"step {registered.action!r} is awaited in {state!r}, which is not one of its sources"
              for state in sorted(registered.awaited_in - registered.sources)]
    if not registered.sources:
        return found
    if not callable(registered.run):
        return [*found, f"step {registered.action!r} has no function"]
    if not (isinstance(registered.params, type) and issubclass(registered.params, BaseModel)):
        return [*found, f"step {registered.action!r}: its input schema is not a pydantic model"]
    taken = _takes(registered.run)
    if taken is not registered.params:
        found.append(f"step {registered.action!r}: its function takes {getattr(taken, '__name__', taken)}, "
                     f"but its input schema is {registered.params.__name__}")
    return found


def _takes(function) -> type:
    """The schema a step function's second argument is annotated with (``NoParams`` when it has none)."""
    parameters = list(inspect.signature(function, eval_str=True).parameters.values())
    if len(parameters) < 2:
        return NoParams
    return parameters[1].annotation
