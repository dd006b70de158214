"""The JSON API's routers, each registered by its own app from ``AppConfig.ready()``.

``civicgrid.api.api`` mounts them in the order they were registered (the order of ``INSTALLED_APPS``), so
adding an app with an API edits nothing outside the app. A router is named by its dotted path and imported
only when the API is built, after every app is ready.
"""

from django.utils.module_loading import import_string

_ROUTERS: dict[str, str] = {}


def register(prefix: str, path: str) -> None:
    """Mount the ninja ``Router`` at ``path`` (a dotted path) on ``/api/v1<prefix>``."""
    if _ROUTERS.get(prefix, path) != path:
        raise ValueError(f"Two routers want /api/v1{prefix}: {_ROUTERS[prefix]} and {path}")
    _ROUTERS[prefix] = path


def registered() -> list[tuple[str, object]]:
    """The (prefix, router) pairs, in the order they were registered."""
    return [(prefix, import_string(path)) for prefix, path in _ROUTERS.items()]
