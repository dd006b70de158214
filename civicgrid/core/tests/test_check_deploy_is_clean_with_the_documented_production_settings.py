"""``manage.py check --deploy`` reports nothing with the production environment docs/configuration.md shows (read
from the document itself, so the two cannot drift apart), and each of the HTTPS settings is the variable's doing."""

import os
import re
import secrets
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[3]


def documented_environment() -> dict[str, str]:
    """The ``sh`` block under "## Production", with its placeholders filled in."""
    text = (REPO / "docs" / "configuration.md").read_text()
    block = re.search(r"## Production\n.*?```sh\n(.*?)```", text, re.S)[1]
    pairs = dict(line.split("=", 1) for line in block.splitlines() if line and not line.startswith("#"))
    pairs["CIVICGRID_SECRET_KEY"] = secrets.token_urlsafe(50)
    pairs["DATABASE_URL"] = pairs["DATABASE_URL"].replace("REPLACE-password", "x")
    assert not [value for value in pairs.values() if "REPLACE" in value]
    return pairs


def manage(*args: str, **environment: str) -> subprocess.CompletedProcess:
    """``manage.py`` in a clean environment: only what the document says, and where to find Python's tools."""
    clean = {"PATH": os.environ["PATH"], "HOME": os.environ.get("HOME", "/tmp"), **environment}
    return subprocess.run([sys.executable, "manage.py", *args], cwd=REPO, env=clean, capture_output=True, text=True,
                          timeout=120)


def test_check_deploy_finds_no_issue_with_the_documented_environment():
    checked = manage("check", "--deploy", "--fail-level", "WARNING", **documented_environment())
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert "System check identified no issues (0 silenced)." in checked.stdout


def test_without_the_https_settings_check_deploy_names_what_is_missing():
    environment = documented_environment()
    for name in ("CIVICGRID_SSL_REDIRECT", "CIVICGRID_HSTS_SECONDS"):
        del environment[name]
    checked = manage("check", "--deploy", "--fail-level", "WARNING", **environment)
    assert checked.returncode != 0
    assert "security.W004" in checked.stderr and "security.W008" in checked.stderr


def test_the_variables_become_djangos_https_settings():
    shown = manage("shell", "--no-imports", "-c", "from django.conf import settings as s; print(s.SECURE_HSTS_SECONDS, "
                   "s.SECURE_HSTS_INCLUDE_SUBDOMAINS, s.SECURE_HSTS_PRELOAD, s.SECURE_SSL_REDIRECT, "
                   "s.SECURE_PROXY_SSL_HEADER, s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE, s.DEBUG)",
                   **documented_environment())
    assert shown.stdout.split("\n")[0] == (
        "31536000 True True True ('HTTP_X_FORWARDED_PROTO', 'https') True True False"), shown.stderr
