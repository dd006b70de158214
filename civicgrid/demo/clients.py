"""The demo's Open311 client (演示 Open311 客户端): categories published as services, and a key to call with.

The everyday services (city appearance, street order, roads and municipal facilities, pollution) are public:
anyone reads their requests without a key, as a public map shows them; where descriptions tend to be about
neighbours, without the description. Matters about people are published for keyed clients only: begging in
the street, and the residents' social security and family matters the demo adds (社会保险, 退休待遇, 婚姻登记 …).
Disputes and petitions are not published at all.

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
ABOUT_PEOPLE = {"乞讨卖艺"}
ABOUT_NEIGHBOURS = {"噪音污染", "施工扰民", "违规饲养畜禽", "油烟污染"}
PEOPLES_MATTERS = [
    (("劳动和社会保障", "城镇居民社会保险"), None),
    (("劳动和社会保障", "退休政策及待遇"), None),
    (("民政", "社会服务"), ("婚姻登记", "收养登记", "生活无着人员救助")),
]


def everyday(path: tuple) -> dict:
    """A default service's public settings in the demo."""
    return {"public": path[-1] not in ABOUT_PEOPLE, "public_description": path[-1] not in ABOUT_NEIGHBOURS}


def load_client(key: str = "") -> tuple[int, str]:
    """Publish the default services and the people's matters and (re)key the demo client; returns the services
    published and the key."""
    services = publish_defaults(choose=everyday) + publish_defaults(PEOPLES_MATTERS)
    raw = key or keys.new_key(keys.APPLICATION_MARK)
    application = ClientApplication.objects.filter(name=NAME).first()
    if application is None:
        keys.create_application(NAME, CITY, GRANTS, key=raw)
    else:
        keys.set_key(application, raw)
        application.revoked_at = None
        application.save()
    return services, raw
