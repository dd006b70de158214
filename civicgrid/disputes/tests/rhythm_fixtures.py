"""Disputes made straight in the database for the rhythm's tests: the figures read the case and its record,
whatever steps filled them (the steps are the mediation's, tested with them)."""

from datetime import date, datetime, time
from itertools import count

from django.utils import timezone

from civicgrid.cases.choices import Channel, Status
from civicgrid.cases.models import Case
from civicgrid.disputes import choices as c
from civicgrid.disputes import talkdays
from civicgrid.disputes.models import Agreement, Committee, Dispute, Mediator
from civicgrid.testing import factories

NUMBERS = count(1)


def at(day: date, hour: int = 10) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(hour)))


def types() -> dict:
    """矛盾纠纷 › 邻里纠纷 and 婚姻家庭."""
    factories.category("60", "矛盾纠纷", kind="dispute")
    return {"neighbours": factories.category("60.001", "邻里纠纷", kind="dispute"),
            "family": factories.category("60.002", "婚姻家庭", kind="dispute")}


def committee(area, name: str, abbreviation: str) -> Committee:
    return Committee.objects.create(name=name, kind=c.CommitteeKind.VILLAGE, area=area, abbreviation=abbreviation)


def mediator(committee_: Committee, name: str) -> Mediator:
    return Mediator.objects.create(name=name, committee=committee_, kind=c.MediatorKind.PART_TIME)


def dispute(area, category, reported_at: datetime, *, status: str = Status.DISPATCHED, due_at=None, record=True,
            mediators=(), agreement: bool = False, **fields) -> Case:
    """A dispute case at ``area`` with its record (unless ``record`` is False), its mediators and agreement."""
    case = Case.objects.create(
        number=f"{area.code[:6]}-{reported_at:%Y%m%d}-{next(NUMBERS):05d}", category=category, kind="dispute", channel=Channel.WALK_IN, status=status,
        title=f"{category.name}纠纷", description="双方因琐事发生争执。", area=area, area_code=area.code,
        centre_area=factories.area(area.code[:9]), reported_at=reported_at, due_at=due_at)
    if record:
        found = Dispute.objects.create(case=case, **fields)
        found.mediators.set(mediators)
        if agreement:
            Agreement.objects.create(dispute=found, committee=found.committee, year=reported_at.year,
                                     serial=next(NUMBERS), facts="争执", terms="赔偿", signed_on=reported_at.date())
    return case


def held_today(yulin: dict, clerk):
    """Community A's talk day, today, scheduled by township A's intake clerk, with the dispute types to file under."""
    types()
    return talkdays.schedule(clerk, yulin["community_a"], timezone.localdate(), "村委会议室", "刘书记")
