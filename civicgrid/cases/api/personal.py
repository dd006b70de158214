"""JSON API for a reporter's numbers: ``POST /cases/{number}/reveal`` shows one in full, with a reason.

``cases.reveal`` decides (the same rule as the case page) and writes the access log. A client application
needs the ``reveal`` grant and a staff account that may reveal. The answer is for this request only:
``Cache-Control: no-store``.
"""

from django.http import HttpResponse
from django.utils.cache import add_never_cache_headers
from ninja import Schema
from pydantic import Field

from civicgrid.core import access
from civicgrid.core.choices import PersonalField, Via
from civicgrid.core.http.grants import Grant
from civicgrid.core.http.shared import Input, text, with_errors

from .. import reveal
from ..schemas import CaseNumber
from .cases import CASE_PATH, cases, scoped_case


class RevealIn(Input):
    field: PersonalField = Field(description="`phone` or `id_number`.")
    reason: text(reveal.REASON_MAX) = Field("", description="Why you need the number; required, and logged.")


class RevealOut(Schema):
    case: str
    field: str
    value: str = Field(description="The number in full, for this answer only.")


@cases.post(f"{CASE_PATH}/reveal", response=with_errors({200: RevealOut}),
            summary="Show a reporter's phone or ID number in full (logged)")
def case_reveal(request, number: CaseNumber, body: RevealIn, response: HttpResponse):
    principal = request.auth
    principal.require(Grant.REVEAL)
    case = scoped_case(request, number, related=())
    value = reveal.reveal(case, body.field.value, principal.actor, body.reason,
                          access.where(request, Via.API, principal.client))
    add_never_cache_headers(response)
    return {"case": case.number, "field": body.field.value, "value": value}
