"""Two demo campaigns (专项行动): a dispute drive over 榆阳区's streets and a hazard drive over the city's counties,
set up by the demo administrator through ``campaigns.services.create`` as the page would."""

import random
from datetime import datetime, timedelta

from django.utils import timezone

from civicgrid.campaigns.models import Campaign
from civicgrid.campaigns.services import Draft, create
from civicgrid.geo.choices import AreaLevel
from civicgrid.geo.models import Area
from civicgrid.orgs.models import Staff

from .people import CITY, COUNTY

SEED = 20261204


def load_campaigns(now: datetime | None = None) -> int:
    """The two campaigns, once (none when the city has campaigns already); how many were made."""
    if Campaign.objects.filter(area__code__startswith=CITY).exists():
        return 0
    today, rng = timezone.localdate(now or timezone.now()), random.Random(SEED)
    admin = Staff.objects.get(username="admin")
    county, city = Area.objects.get(code=COUNTY), Area.objects.get(code=CITY)
    streets = county.children.filter(level=AreaLevel.TOWNSHIP).order_by("code")[:9]
    counties = city.children.filter(level=AreaLevel.COUNTY).order_by("code")
    create(admin, Draft(name="榆阳区矛盾纠纷大排查大化解专项行动", area=county, starts_on=today - timedelta(days=45),
                        ends_on=today + timedelta(days=45), kinds=["dispute"],
                        targets={street: rng.randint(4, 12) for street in streets}))
    create(admin, Draft(name="榆林市安全隐患大排查大整治百日行动", area=city, starts_on=today - timedelta(days=90),
                        ends_on=today + timedelta(days=10), kinds=["hazard"],
                        targets={county: rng.randint(3, 10) for county in counties}))
    return 2
