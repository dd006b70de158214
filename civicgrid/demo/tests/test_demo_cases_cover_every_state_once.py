import pytest
from django.core.management import call_command

from civicgrid.cases.choices import ApprovalKind, ApprovalStatus, Light, Status
from civicgrid.cases.models import Approval, Case, CaseEvent
from civicgrid.notifications.models import Notice

pytestmark = pytest.mark.django_db


def test_a_small_demo_has_cases_in_every_state_inside_yulin_and_a_second_load_adds_none(demo_city, settings, tmp_path,
                                                                                       capsys):
    # On the demo city without cases (demo_city), as `make demo` has it before its cases are replayed.
    settings.MEDIA_ROOT = tmp_path
    call_command("load_demo", cases=60)
    output = capsys.readouterr()
    assert "未能执行" not in output.err

    # The replayed cases; beside them the hazards' register (8 % as many), a talk day's matters and the few petitions.
    cases = Case.objects.exclude(kind__in=["hazard", "petition"]).filter(talk_days__isnull=True)
    assert cases.count() == 60 and Case.objects.filter(kind="hazard").count() == 5
    assert set(cases.values_list("status", flat=True)) == set(Status.values)
    assert all(code.startswith("6108") for code in cases.values_list("area_code", flat=True))
    assert not cases.filter(events__isnull=True).exists()
    pending = set(Approval.objects.filter(status=ApprovalStatus.PENDING).values_list("kind", flat=True))
    assert pending >= {ApprovalKind.VOID, ApprovalKind.RETURN, ApprovalKind.EXTENSION}
    assert {Light.RED, Light.SUSPENDED} <= set(cases.with_light().values_list("light", flat=True))
    assert Notice.objects.filter(recipient__username__in=["paiqianyuan", "zhibanzhang", "chuzhi"]).exists()

    events = CaseEvent.objects.count()
    call_command("load_demo", cases=60)
    assert "演示案件：已存在，跳过" in capsys.readouterr().out
    assert (cases.count(), Case.objects.filter(kind="hazard").count(), CaseEvent.objects.count()) == (60, 5, events)
