import pytest
from django.core.management import call_command
from django.utils import timezone

from civicgrid.cases.models import Case
from civicgrid.petitions.models import Petition, Visit

pytestmark = pytest.mark.django_db


def test_the_demo_has_petitions_across_the_city_at_every_stage_owned_by_the_demo_leader(demo_city, settings,
                                                                                      tmp_path, capsys):
    settings.MEDIA_ROOT = tmp_path
    call_command("load_demo", cases=30)
    assert "未能执行" not in capsys.readouterr().err
    petitions = Petition.objects.select_related("case", "leader")
    assert 5 <= petitions.count() <= 10
    assert {p.leader.username for p in petitions} == {"lingdao"}
    assert len({p.case.area_code[:6] for p in petitions}) > 1
    assert {"registered", "verified", "closed"} <= {p.case.status for p in petitions}
    assert any(p.backlog for p in petitions) and any(p.light() == "red" for p in petitions)
    assert any(p.next_visit_on and p.next_visit_on > timezone.localdate() for p in petitions)
    assert all(p.acknowledged for p in petitions if p.case.status == "closed")
    visited = [set(Visit.objects.filter(petition=p).values_list("kind", flat=True)) for p in petitions]
    assert visited.count({"reception", "home"}) == petitions.count() - 1 and visited.count(set()) == 1
    call_command("load_demo", cases=30)
    assert Case.objects.filter(kind="petition").count() == petitions.count()
