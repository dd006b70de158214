"""JSON schemas of GeoReport v2 answers, written from the specification (http://wiki.open311.org/GeoReport_v2)
and mySociety's servicerequestupdates extension. An XML answer is read into the same shape (``support.from_xml``)
and checked against the same schema.

Where the specification allows a value to be left out, civicgrid sends ``null`` (an empty element in XML).
"""

DATETIME = {"type": "string", "pattern": r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$"}
OPTIONAL_DATETIME = {"anyOf": [DATETIME, {"type": "null"}]}
TEXT = {"type": "string", "minLength": 1}
OPTIONAL_TEXT = {"type": ["string", "null"]}
STATUS = {"enum": ["open", "closed"]}


def _record(properties: dict, optional=()) -> dict:
    return {"type": "object", "properties": properties, "additionalProperties": False,
            "required": [name for name in properties if name not in optional]}


def _list(item: dict, at_least: int = 0, at_most: int | None = None) -> dict:
    schema = {"type": "array", "items": item, "minItems": at_least}
    if at_most is not None:
        schema["maxItems"] = at_most
    return schema


ERRORS = _list(_record({"code": {"type": "string", "pattern": r"^[1-5]\d\d$"}, "description": TEXT}), at_least=1)

DISCOVERY = _record({
    "changeset": DATETIME, "contact": TEXT, "key_service": TEXT,
    "endpoints": _list(_record({
        "specification": {"const": "http://wiki.open311.org/GeoReport_v2"}, "url": TEXT, "changeset": DATETIME,
        "type": {"enum": ["production", "test"]},
        "formats": _list({"enum": ["application/json", "text/xml"]}, at_least=1),
    }), at_least=1),
})

SERVICE = _record({
    "service_code": TEXT, "service_name": TEXT, "description": OPTIONAL_TEXT, "metadata": {"type": "boolean"},
    "type": {"enum": ["realtime", "batch", "blackbox"]}, "keywords": OPTIONAL_TEXT, "group": OPTIONAL_TEXT,
})
SERVICES = _list(SERVICE)

ATTRIBUTE = _record({
    "variable": {"type": "boolean"}, "code": TEXT,
    "datatype": {"enum": ["string", "number", "datetime", "text", "singlevaluelist", "multivaluelist"]},
    "required": {"type": "boolean"}, "datatype_description": OPTIONAL_TEXT, "order": {"type": "integer", "minimum": 1},
    "description": TEXT, "values": _list(_record({"key": TEXT, "name": TEXT}), at_least=1),
}, optional=("values",))
SERVICE_DEFINITION = _record({"service_code": TEXT, "attributes": _list(ATTRIBUTE)})

REQUEST_FILED = _list(_record({"service_request_id": TEXT, "token": OPTIONAL_TEXT, "service_notice": OPTIONAL_TEXT,
                               "account_id": OPTIONAL_TEXT}, optional=("token",)), at_least=1, at_most=1)

TOKENS = _list(_record({"service_request_id": TEXT, "token": TEXT}), at_least=1, at_most=1)

REQUEST = _record({
    "service_request_id": TEXT, "status": STATUS, "status_notes": OPTIONAL_TEXT, "service_name": TEXT,
    "service_code": TEXT, "description": OPTIONAL_TEXT, "agency_responsible": OPTIONAL_TEXT,
    "service_notice": OPTIONAL_TEXT, "requested_datetime": DATETIME, "updated_datetime": DATETIME,
    "expected_datetime": OPTIONAL_DATETIME, "address": OPTIONAL_TEXT, "address_id": OPTIONAL_TEXT,
    "zipcode": OPTIONAL_TEXT, "lat": {"type": ["number", "null"], "minimum": -90, "maximum": 90},
    "long": {"type": ["number", "null"], "minimum": -180, "maximum": 180}, "media_url": OPTIONAL_TEXT,
})
REQUESTS = _list(REQUEST, at_most=1000)

UPDATES = _list(_record({
    "update_id": TEXT, "service_request_id": TEXT, "status": STATUS, "updated_datetime": DATETIME,
    "description": TEXT, "media_url": OPTIONAL_TEXT,
}), at_most=1000)

UPDATE_POSTED = _list(_record({"update_id": TEXT}), at_least=1, at_most=1)
