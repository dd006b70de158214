"""DATABASE_URL is read like every other setting: a value that is not a database URL stops start-up with the
variable named and the forms it may take, not with the parser's own error."""

import pytest
from django.core.exceptions import ImproperlyConfigured

from civicgrid.core.env import env_database


@pytest.mark.parametrize("raw", ["", "civicgrid.sqlite3", "mysqlx://db/civicgrid", "postgres://host:port/name"])
def test_anything_but_a_database_url_stops_start_up_naming_the_variable(monkeypatch, raw):
    monkeypatch.setenv("DATABASE_URL", raw)
    with pytest.raises(ImproperlyConfigured, match="DATABASE_URL=.* is not a database URL such as sqlite:///"):
        env_database("DATABASE_URL", "sqlite:///x.sqlite3", conn_max_age=0)


def test_a_postgresql_url_gives_its_parts_and_the_connection_age(monkeypatch):
    monkeypatch.setenv("DATABASE_URL", "postgres://civic@db.internal:5433/city")
    found = env_database("DATABASE_URL", "sqlite:///x.sqlite3", conn_max_age=60)
    assert (found["ENGINE"], found["USER"], found["HOST"], found["PORT"], found["NAME"], found["CONN_MAX_AGE"]) == (
        "django.db.backends.postgresql", "civic", "db.internal", 5433, "city", 60)


def test_without_the_variable_the_default_is_used(monkeypatch):
    monkeypatch.delenv("DATABASE_URL", raising=False)
    assert env_database("DATABASE_URL", "sqlite:////tmp/x.sqlite3", conn_max_age=0)["NAME"] == "/tmp/x.sqlite3"
