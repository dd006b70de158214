"""The demo's Open311 client (演示 Open311 客户端): categories published as services, and a key to call with.

Only a key's digest is stored, so each load gives the client a key and prints it: the value of
``CIVICGRID_DEMO_API_KEY`` when set (scripts can rely on it), else a new random one.
"""

from civicgrid.api import keys
from civicgrid.api.models import ClientApplication
from civicgrid.core.http.grants import Grant
from civicgrid.open311.services import publish_defaults

NAME = "演示 Open311 客户端"
CITY = "6108"
GRANTS = [Grant.READ, Grant.FILE, Grant.COMMENT, Grant.SUBSCRIBE]


def load_client(key: str = "") -> tuple[int, str]:
    """Publish the default services and (re)key the demo client; returns the services published and the key."""
    services = publish_defaults()
    raw = key or keys.new_key(keys.APPLICATION_MARK)
    application = ClientApplication.objects.filter(name=NAME).first()
    if application is None:
        keys.create_application(NAME, CITY, GRANTS, key=raw)
    else:
        keys.set_key(application, raw)
        application.revoked_at = None
        application.save()
    return services, raw
