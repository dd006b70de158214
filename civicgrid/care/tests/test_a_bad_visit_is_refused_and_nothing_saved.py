"""A visit dated in the future or before the consent, without notes, with a need of no request category or
without words, or one whose case intake refuses: a clear message, and neither the visit nor any case is
saved (a need filed before the refused one is undone with it)."""

from datetime import timedelta

import pytest
from django.utils import timezone

from civicgrid.care import services
from civicgrid.care.models import Visit
from civicgrid.cases.models import Case
from civicgrid.cases.workflow import InvalidInput
from civicgrid.testing import factories


@pytest.fixture
def relief(db):
    return factories.category("07", "民政", kind="request")


def refused(user, enrolment, data) -> dict:
    with pytest.raises(InvalidInput) as refusal:
        services.record_visit(user, enrolment, data)
    assert not Visit.objects.exists() and not Case.objects.exists()
    return refusal.value.errors


def test_a_visit_in_the_future(grid_worker, enrolment):
    later = timezone.now() + timedelta(hours=1)
    assert refused(grid_worker, enrolment, services.VisitIn(later, "x")) == {"visited_at": "走访时间不能晚于现在。"}


def test_a_visit_before_the_consent(grid_worker, enrolment):
    before = enrolment.consented_at - timedelta(days=1)
    assert refused(grid_worker, enrolment, services.VisitIn(before, "x")) == {
        "visited_at": "走访时间不能早于同意帮扶的时间。"}


def test_a_visit_without_notes(grid_worker, enrolment):
    assert refused(grid_worker, enrolment, services.VisitIn(timezone.now(), " ")) == {"notes": "请填写走访记录。"}


def test_a_need_without_a_request_category_or_words(grid_worker, enrolment, db):
    dispute = factories.category("08", "邻里纠纷", kind="dispute")
    errors = refused(grid_worker, enrolment, services.VisitIn(timezone.now(), "x", [
        services.NeedIn(dispute, "吵架"), services.NeedIn(None, "")]))
    assert set(errors) == {"need-1-category", "need-2-category", "need-2-description"}
    assert errors["need-1-category"] == "需求 1：请选择一个启用的诉求类事项分类。"


def test_a_need_intake_refuses_undoes_the_visit_and_the_needs_before_it(grid_worker, enrolment, relief):
    short = factories.category("09", "简短诉求", kind="request", description_max_length=10)
    errors = refused(grid_worker, enrolment, services.VisitIn(timezone.now(), "x", [
        services.NeedIn(relief, "申请救助"), services.NeedIn(short, "需要帮忙修理漏水的屋顶和门窗")]))
    assert errors == {"need-2-description": "需求 2 未能上报：描述最多 10 个字，现有 14 个。"}


def test_a_need_the_filer_may_not_file_is_refused_by_name(officer, enrolment, relief, yulin):
    """An officer whose township role may not file on the grid channel (a leader, say) is told which need."""
    from civicgrid.care.models import ProgrammeOfficer

    leader = factories.staff_with_role("leader", area=yulin["township_a"], username="township_leader")
    ProgrammeOfficer.objects.create(assignment=leader.assignments.get())
    errors = refused(leader, enrolment, services.VisitIn(timezone.now(), "x", [services.NeedIn(relief, "申请救助")]))
    assert errors["need-1-description"].startswith("需求 1 未能上报：")


def test_a_visit_after_leaving(grid_worker, enrolment):
    services.leave(grid_worker, enrolment, "moved", "")
    errors = refused(grid_worker, enrolment, services.VisitIn(timezone.now(), "x"))
    assert "已于" in errors["enrolment"] and "退出帮扶项目" in errors["enrolment"]
