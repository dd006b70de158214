"""The spine's kinds, stages and steps, registered the way every other app registers its own.

This is the table of the one loop (DESIGN.md, "The one loop"): each ``register_step`` is a row (from-states,
to-state, who may act) with its function, its input schema, its page fragment, its wording for residents
and its notices. ``CasesConfig.ready`` calls ``register``.
"""

from civicgrid.core.choices import TimeUnit
from civicgrid.orgs.choices import Role

from . import inputs, notices, steps, timeline
from .choices import ApprovalKind, CaseKind, Stage
from .choices import AssignmentStatus as A
from .choices import Status as S
from .registry import register_event, register_kind, register_stage, register_step
from .views import fragments
from .workflow import (
    ACTIVE,
    CENTRE,
    DEPARTMENT,
    DISPATCHERS,
    IN_HAND,
    OPEN,
    PRE_DISPATCH,
    REMARKERS,
    RESIDENT,
    SYSTEM,
    VERIFIERS,
    Action,
    unplaced,
)

H, D = TimeUnit.WORK_HOURS, TimeUnit.WORK_DAYS
# A stage's limit when neither the category nor its ancestors set one, so every open stage has a clock.
SPINE_LIMITS = {
    Stage.REGISTER: (2, H), Stage.DISPATCH: (2, H), Stage.ACCEPT: (4, H),
    Stage.HANDLE: (3, D), Stage.VERIFY: (1, D), Stage.CLOSE: (1, D),
}
# The kinds the case alone holds; disputes, hazards and petitions are registered by their own apps.
SPINE_KINDS = (CaseKind.REQUEST, CaseKind.COMPLAINT, CaseKind.URBAN_EVENT)
PUBLIC = {"public": True}


def register() -> None:
    for stage in Stage:
        register_stage(stage.value, stage.label)
    for kind in SPINE_KINDS:
        register_kind(kind.value, kind.label, record=None, limits=SPINE_LIMITS)
    _events()
    _centre_steps()
    _department_steps()
    _closing_steps()


def _events() -> None:
    """What the loop writes without anyone taking a step: filing, a refused request, the sweep's mark."""
    register_event(Action.REPORT, Action.REPORT.label, **PUBLIC)
    register_event(Action.REFUSE, Action.REFUSE.label, notify=notices.decided)
    register_step(Action.OVERDUE, Action.OVERDUE.label, steps.overdue, sources=OPEN, target=None, roles={SYSTEM},
                  offered=False, grantable=False)


def _request(action: Action, kind: str, sources, roles, run=steps.file_request, **options) -> None:
    register_step(action, action.label, run, sources=sources, target=None, roles=roles, approval=kind,
                  needs_note=True, notify=notices.approval_requested, **options)


def _centre_steps() -> None:
    register_step(Action.REGISTER, Action.REGISTER.label, steps.register, sources={S.REPORTED},
                  target=S.REGISTERED, roles=CENTRE, awaited_in={S.REPORTED}, **PUBLIC)
    _request(Action.REQUEST_VOID, ApprovalKind.VOID, PRE_DISPATCH, {Role.INTAKE_CLERK, Role.DISPATCHER})
    register_step(Action.VOID, Action.VOID.label, steps.void, sources=PRE_DISPATCH, target=S.VOIDED,
                  roles={Role.SHIFT_LEAD}, approves=ApprovalKind.VOID, needs_note=True, notify=notices.decided,
                  **PUBLIC)
    register_step(Action.SELF_RESOLVE, Action.SELF_RESOLVE.label, steps.self_resolve, sources={S.REPORTED},
                  target=S.SELF_RESOLVED, roles={Role.GRID_WORKER}, needs_files=True, needs_note=True,
                  result=True, **PUBLIC)
    register_step(Action.MERGE, Action.MERGE.label, steps.merge, sources=PRE_DISPATCH, target=S.MERGED,
                  roles=CENTRE, params=inputs.MergeIn, template="cases/steps/merge.html",
                  context=fragments.merge_context, describe=timeline.merged, **PUBLIC)
    register_step(Action.PLACE, Action.PLACE.label, steps.place, sources=PRE_DISPATCH, target=None, roles=CENTRE,
                  params=inputs.PlaceIn, template="cases/steps/place.html", guard=unplaced)
    register_step(Action.DISPATCH, Action.DISPATCH.label, steps.dispatch, sources={S.REGISTERED},
                  target=S.DISPATCHED, roles=DISPATCHERS, awaited_in={S.REGISTERED}, params=inputs.DispatchIn,
                  template="cases/steps/dispatch.html", context=fragments.dispatch_context,
                  describe=timeline.dispatched, notify=notices.new_assignments, **PUBLIC)
    register_step(Action.SUMMON, Action.SUMMON.label, steps.summon, sources={S.DISPATCHED}, target=S.DISPATCHED,
                  roles=DISPATCHERS, needs_note=True, params=inputs.SummonIn, template="cases/steps/summon.html",
                  context=fragments.summon_context, describe=timeline.summoned, notify=notices.new_assignments,
                  **PUBLIC)
    register_step(Action.ESCALATE, Action.ESCALATE.label, steps.escalate, sources=OPEN - {S.HANDLED, S.VERIFIED},
                  target=None, roles=CENTRE, needs_note=True, describe=timeline.escalated,
                  notify=notices.to_new_centre, **PUBLIC)


def _department_steps() -> None:
    on = {"on_assignment": True}
    register_step(Action.ACCEPT, Action.ACCEPT.label, steps.accept, sources={A.DISPATCHED}, target=A.ACCEPTED,
                  roles=DEPARTMENT, awaited_in={A.DISPATCHED}, **on, **PUBLIC)
    _request(Action.REQUEST_RETURN, ApprovalKind.RETURN, ACTIVE, DEPARTMENT, **on)
    register_step(Action.RETURN, Action.RETURN.label, steps.return_, sources=ACTIVE, target=A.RETURNED,
                  roles=DISPATCHERS, approves=ApprovalKind.RETURN, notify=notices.decided, **on)
    register_step(Action.HANDLE, Action.HANDLE.label, steps.handle, sources={A.ACCEPTED}, target=A.HANDLED,
                  roles=DEPARTMENT, awaited_in={A.ACCEPTED}, needs_note=True, result=True,
                  notify=notices.to_verifiers, **on, **PUBLIC)
    _request(Action.REQUEST_EXTENSION, ApprovalKind.EXTENSION, ACTIVE, DEPARTMENT, run=steps.request_extension,
             params=inputs.ExtensionIn, template="cases/steps/extension.html", **on)
    register_step(Action.EXTEND, Action.EXTEND.label, steps.extend, sources=ACTIVE, target=None, roles=DISPATCHERS,
                  approves=ApprovalKind.EXTENSION, params=inputs.ExtensionIn, template="cases/steps/extension.html",
                  notify=notices.decided, **on)
    _request(Action.REQUEST_SUSPENSION, ApprovalKind.SUSPENSION, IN_HAND, {Role.DISPATCHER, *DEPARTMENT})
    register_step(Action.SUSPEND, Action.SUSPEND.label, steps.suspend, sources=IN_HAND, target=None,
                  roles={Role.SHIFT_LEAD}, approves=ApprovalKind.SUSPENSION, notify=notices.decided)
    register_step(Action.RESUME, Action.RESUME.label, steps.resume, sources=IN_HAND, target=None, roles=DISPATCHERS)


def _closing_steps() -> None:
    register_step(Action.VERIFY, Action.VERIFY.label, steps.verify, sources={S.HANDLED}, target=S.VERIFIED,
                  roles=VERIFIERS, awaited_in={S.HANDLED}, notify=notices.to_shift_lead, **PUBLIC)
    register_step(Action.REJECT, Action.REJECT.label, steps.reject, sources={S.HANDLED}, target=S.DISPATCHED,
                  roles=VERIFIERS, needs_note=True, notify=notices.reworked, **PUBLIC)
    register_step(Action.CLOSE, Action.CLOSE.label, steps.close, sources={S.VERIFIED}, target=S.CLOSED,
                  roles={Role.SHIFT_LEAD}, awaited_in={S.VERIFIED}, **PUBLIC)
    register_step(Action.REWORK, Action.REWORK.label, steps.rework, sources={S.HANDLED, S.VERIFIED},
                  target=S.DISPATCHED, roles={Role.SHIFT_LEAD}, needs_note=True, notify=notices.reworked, **PUBLIC)
    register_step(Action.CALLBACK, Action.CALLBACK.label, steps.callback, sources={S.CLOSED, S.SELF_RESOLVED},
                  target=None, roles={RESIDENT, *CENTRE}, awaited_in={S.CLOSED}, params=inputs.CallbackIn,
                  template="cases/steps/callback.html", context=fragments.callback_context, describe=timeline.rated,
                  notify=notices.reworked, **PUBLIC)
    register_step(Action.NO_CALLBACK, Action.NO_CALLBACK.label, steps.no_callback, sources={S.CLOSED},
                  target=S.NO_CALLBACK, roles=CENTRE, needs_note=True, guard=steps.nobody_to_call,
                  notify=notices.to_filer, **PUBLIC)
    register_step(Action.SUPERVISE, Action.SUPERVISE.label, steps.supervise, sources=OPEN, target=None,
                  roles={Role.LEADER, Role.SHIFT_LEAD}, needs_note=True, notify=notices.supervised)
    register_step(Action.REMIND, Action.REMIND.label, steps.remind, sources={S.DISPATCHED}, target=None,
                  roles={*DISPATCHERS, Role.LEADER, SYSTEM}, notify=notices.reminded)
    register_step(Action.COMMENT, Action.COMMENT.label, steps.comment, sources=OPEN, target=None, roles=REMARKERS,
                  needs_note=True, offered=False, grantable=False, params=inputs.CommentIn)
