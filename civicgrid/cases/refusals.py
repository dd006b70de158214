"""How the loop's refusals read in the JSON API: each ``WorkflowError`` with its HTTP status and stable code.

Registered with the API's error handlers (``civicgrid.core.http.errors.answer``) from ``CasesConfig.ready``,
so a step refused through the API is a 403, 409 or 422 with the loop's own message, never a 500.
"""

from civicgrid.core.http.errors import body

from .workflow import InvalidInput, NotAllowed, NotGranted, StaleCase, WrongState

# The first class an exception is an instance of decides, so a subclass comes before its parent.
WORKFLOW_STATUS = {NotGranted: (400, "not_granted"), InvalidInput: (422, "invalid"), NotAllowed: (403, "forbidden"),
                   WrongState: (409, "wrong_state"), StaleCase: (409, "stale")}


def answer_refusal(request, exc):
    status, code = next((v for k, v in WORKFLOW_STATUS.items() if isinstance(exc, k)), (400, "refused"))
    return status, body(code, exc.message, getattr(exc, "errors", None) or {}), {}
