"""调解记录: a session is not before the day the dispute was filed, and not in the future; otherwise a clear
sentence names 调解时间 and nothing is saved."""

from datetime import timedelta

import pytest
from django.utils import timezone

from civicgrid.cases.workflow import InvalidInput
from civicgrid.disputes.models import Session

from .conftest import accepted, take

SESSION = {"place": "社区调解室", "participants": "张三、李四", "minutes": "双方陈述"}


@pytest.mark.parametrize(("offset", "words"), [(timedelta(days=-5), "早于"), (timedelta(hours=2), "晚于现在")])
def test_the_session_time_is_refused(dispute_case, mediator, village_committee, offset, words):
    case = accepted(dispute_case, mediator, village_committee)
    with pytest.raises(InvalidInput, match=words) as refused:
        take(case, "record_session", mediator, held_at=(timezone.now() + offset).isoformat(), **SESSION)
    assert "held_at" in refused.value.errors and not Session.objects.exists()


def test_a_session_on_the_day_it_was_filed_is_kept(dispute_case, mediator, village_committee):
    case = accepted(dispute_case, mediator, village_committee)
    take(case, "record_session", mediator, held_at=dispute_case.reported_at.isoformat(), **SESSION)
    assert Session.objects.get().place == "社区调解室"


def test_a_session_before_acceptance_is_not_offered(dispute_case, mediator):
    from civicgrid.cases.workflow import WrongState

    with pytest.raises(WrongState):
        take(dispute_case, "record_session", mediator, held_at=timezone.now().isoformat(), **SESSION)
