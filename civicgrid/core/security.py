"""The Content-Security-Policy every page is served with (``SECURE_CSP``, sent by Django's
``ContentSecurityPolicyMiddleware``).

Scripts and styles come only from the site's own static files: no inline ``<script>``, no ``on…=``
attribute, no ``style=`` attribute or ``<style>`` element in any template, no ``eval`` (htmx is told so in
``base.html``). Leaflet and Bootstrap set styles through the DOM, which the policy allows; Bootstrap's icons
are ``data:`` images. Map tiles may come from the tile server's origin (``CIVICGRID_TILE_URL``).
"""

from urllib.parse import urlsplit

from django.utils.csp import CSP


def content_security_policy(tile_url: str = "") -> dict:
    images = [CSP.SELF, "data:", *filter(None, [tile_origin(tile_url)])]
    return {
        "default-src": [CSP.SELF],
        "script-src": [CSP.SELF],
        "style-src": [CSP.SELF],
        "img-src": images,
        "font-src": [CSP.SELF, "data:"],
        "connect-src": [CSP.SELF],
        "object-src": [CSP.NONE],
        "base-uri": [CSP.SELF],
        "form-action": [CSP.SELF],
        "frame-ancestors": [CSP.NONE],
    }


def tile_origin(tile_url: str) -> str | None:
    """The origin of a Leaflet tile URL template; a ``{s}`` subdomain becomes ``*``. None for the site's own."""
    parts = urlsplit(tile_url)
    if not parts.scheme or not parts.netloc:
        return None
    labels = parts.netloc.split(".")
    if "{" in labels[0]:
        labels[0] = "*"
    return f"{parts.scheme}://{'.'.join(labels)}"
