"""查看完整号码: a reporter's phone or ID number shown in full, on purpose, to those who need it.

Everywhere else the numbers are masked (138****5678). Staff who call residents back — the centre's intake
clerks, dispatchers and shift leads where their centre handles the case (or one above it), and the staff
of a department working on the case (a live assignment) — may ask to see one, with a reason. The answer is
for that view only: nothing keeps it. Every reveal is written to the access log before the number is
given, with who, when, what, why and from where (``core.access``). The case page, the admin's case page
and the JSON API all ask here.
"""

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from civicgrid.core import access
from civicgrid.core.choices import PersonalField
from civicgrid.orgs.choices import CENTRE_ROLES, DEPARTMENT_ROLES

from .workflow import InvalidInput, NotAllowed, roles_of

REVEALERS = frozenset({*CENTRE_ROLES, *DEPARTMENT_ROLES})
FIELDS = {PersonalField.PHONE: "reporter_phone", PersonalField.ID_NUMBER: "reporter_id_number"}
REASON_MAX = access.REASON_MAX
# What the button offering each reveal says, on the case page and the admin's.
BUTTONS = {PersonalField.PHONE: gettext_lazy("查看完整联系电话"),
           PersonalField.ID_NUMBER: gettext_lazy("查看完整身份证号")}


def may_reveal(user, case) -> bool:
    """Whether ``user``'s roles reach this case as one that calls its reporter back (``workflow.roles_of``)."""
    return bool(REVEALERS & roles_of(user, case))


def revealable(case) -> list[str]:
    """The fields this case's reporter left, in the order the pages show them."""
    return [field for field, attribute in FIELDS.items() if getattr(case, attribute)]


def require(user, case) -> None:
    """NotAllowed unless ``may_reveal``: for pages that offer the form before anything is asked."""
    if not may_reveal(user, case):
        raise NotAllowed(_("您没有权限查看案件 %(number)s 诉求人的完整号码。") % {"number": case.number})


def reveal(case, field: str, user, reason: str, at: access.Where) -> str:
    """The full value of ``field``, logged with ``reason``; refused, with nothing logged, when the user may
    not or the input is wrong."""
    require(user, case)
    reason = (reason or "").strip()
    problems = check(case, field, reason)
    if problems:
        raise InvalidInput(next(iter(problems.values())), problems)
    # The number leaves only once its log entry is written: if the log fails, nothing is shown.
    access.revealed(user, case, case.number, case.area_code, at, field, reason)
    return getattr(case, FIELDS[field])


def viewed(case, user, at: access.Where) -> None:
    """A page or answer showing the case's reporter (name, masked numbers) was opened: a view of their record."""
    access.viewed(user, case, case.number, case.area_code, at)


def check(case, field: str, reason: str) -> dict[str, str]:
    """{field: message} for each problem with a request to reveal."""
    problems = {}
    if field not in FIELDS:
        problems["field"] = _("只能查看联系电话或身份证号。")
    elif not getattr(case, FIELDS[field]):
        problems["field"] = _("诉求人没有留下%(field)s。") % {"field": PersonalField(field).label}
    problem = access.reason_problem(reason, _("回访核实诉求"))
    if problem:
        problems["reason"] = problem
    return problems


def revealing(attempt):
    """A service's reveal ``attempt(reason, at)`` as ``core.views.reveal_page`` asks it: ``(shown, "")``, or
    ``(None, message)`` for wrong input (no reason); a refusal (``NotAllowed``) is a 403. Disputes' parties and
    heads of household are revealed through it."""
    def reveal(reason: str, at: access.Where) -> tuple:
        try:
            return attempt(reason, at), ""
        except NotAllowed as refusal:
            raise PermissionDenied(refusal.message) from None
        except InvalidInput as refusal:
            return None, refusal.message
    return reveal
