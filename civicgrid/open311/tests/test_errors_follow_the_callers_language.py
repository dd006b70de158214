"""Error descriptions are in the language the client asks for with ``Accept-Language``; Chinese by default."""

from . import schemas
from .support import checked, post


def test_a_client_asking_for_english_is_answered_in_english(client, filing):
    response = post(client, "requests", {**filing, "description": ""}, HTTP_ACCEPT_LANGUAGE="en")
    errors = checked(response, schemas.ERRORS, 400)
    assert "description: Please fill in “Description”." in [error["description"] for error in errors]


def test_a_client_asking_for_nothing_is_answered_in_chinese(client, filing):
    errors = checked(post(client, "requests", {**filing, "description": ""}), schemas.ERRORS, 400)
    assert "description: 请填写描述。" in [error["description"] for error in errors]
