"""What every JSON API router shares: the error body, the responses each operation documents, input that
refuses unknown fields, and text a database can store.

Each operation lists its error statuses in the OpenAPI schema (``with_errors``), so a client generated from
the schema, and a schemathesis run, know every answer it may get.
"""

from typing import Annotated, Any

from ninja import Schema
from pydantic import AfterValidator, ConfigDict, Field, WithJsonSchema
from pydantic_core import PydanticCustomError

from civicgrid.core.validators import control_problem


class ErrorOut(Schema):
    """Every error: a stable code for programs, a message in the caller's language, and the fields at fault."""

    code: str
    message: str
    details: dict[str, Any]


# 400 malformed JSON, 401 no or bad key, 403 not granted, 404 outside scope, 409 stale or wrong state or a
# reused idempotency key, 413 too large, 422 invalid input, 429 rate limited.
ERROR_STATUSES = (400, 401, 403, 404, 409, 413, 422, 429)


def with_errors(ok: dict) -> dict:
    """``{200: Out}`` plus every error status with its body, for ``response=``."""
    return {**ok, **dict.fromkeys(ERROR_STATUSES, ErrorOut)}


class Input(Schema):
    """Request bodies: a field the API does not know is an error, not something silently dropped."""

    model_config = ConfigDict(extra="forbid")


# PostgreSQL cannot store NUL, lone surrogates cannot be encoded as UTF-8, and XML cannot carry control characters:
# refused as input with the character named (``core.validators``), never a 500 or an answer a client cannot parse.
# The schema's pattern says the same to clients (surrogates cannot be written in it).
PATTERN = "^[^\\u0000-\\u0008\\u000b\\u000c\\u000e-\\u001f\\u007f\\ufffe\\uffff]*$"


def storable(value: str) -> str:
    problem = control_problem(value)
    if problem:
        raise PydanticCustomError("unstorable", problem)
    return value


def text(max_length: int | None = None, checked: bool = True, **schema):
    """A string type without characters a database cannot keep or XML carry, optionally bounded. ``checked=False``
    leaves the refusal to the service it is passed to, when that names the field better (a member of a union)."""
    json_schema = {"type": "string", "pattern": PATTERN, **schema}
    if max_length is not None:
        json_schema["maxLength"] = max_length
    checks = (AfterValidator(storable),) if checked else ()
    return Annotated[str, Field(max_length=max_length), *checks, WithJsonSchema(json_schema)]


Text = text()
# An area code (区划代码), a prefix of one, or a grid code.
Code = Annotated[str, Field(pattern=r"^\d{2,21}$", max_length=21)]
# Database ids: bounded, so a huge number is a 422 rather than an integer overflow in the database driver.
ID_MAX = 2**53
Id = Annotated[int, Field(ge=1, le=ID_MAX)]
