"""巡逻发现: a matter found on patrol, filed as a case in one step.

The member files it from their shift (the page or the API) as a grid report (网格上报) through the loop's own
intake (``cases.intake.file_case``), so it is checked, placed in its grid and numbered like any report; the
``Incident`` row ties the case to the shift in the same transaction. Without a position of its own it is placed
at the zone (a point inside its outline, the zone's name as the address).
"""

from dataclasses import dataclass, field
from datetime import datetime

import shapely
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from civicgrid.cases.choices import Channel
from civicgrid.cases.intake import Report, file_case
from civicgrid.cases.models import Case, Category
from civicgrid.geo.choices import CoordinateSystem

from .checkins import PatrolError
from .models import Incident, Shift
from .routes import own_membership


@dataclass
class Finding:
    """What the member saw: its category, a title and a description, and where (WGS84 unless ``system`` says)."""

    category: Category | None
    title: str
    description: str
    longitude: float | None = None
    latitude: float | None = None
    system: str = CoordinateSystem.WGS84
    files: list = field(default_factory=list)


def file_incident(user, shift: Shift, finding: Finding, now: datetime | None = None, application=None) -> Case:
    """File ``finding`` as a case from ``shift``; refused (nothing written) off the shift or by intake's checks."""
    now = now or timezone.now()
    member = own_membership(user, shift)
    if not shift.active_at(now):
        raise PatrolError(_("班次不在进行中，不能从这个班次上报巡逻发现。"))
    with transaction.atomic():
        case = file_case(_report(shift, finding), user, application=application, now=now)
        Incident.objects.create(shift=shift, member=member, case=case, found_at=now)
    return case


def _report(shift: Shift, finding: Finding) -> Report:
    lon, lat, address = finding.longitude, finding.latitude, ""
    if lon is None or lat is None:
        inside = shapely.point_on_surface(shift.zone.geometry)
        lon, lat, address, finding.system = inside.x, inside.y, shift.zone.name, CoordinateSystem.WGS84
    return Report(category=finding.category, title=finding.title, description=finding.description,
                  channel=Channel.GRID_WORKER, longitude=lon, latitude=lat, system=finding.system,
                  address=address, files=finding.files)
