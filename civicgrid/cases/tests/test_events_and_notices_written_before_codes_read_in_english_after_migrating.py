"""Events and notices stored as Chinese words before codes existed are given their codes when the database is
migrated, wherever the words have a shape civicgrid wrote, and so read in English too; words of any other
shape stay as they were and are shown as stored."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import translation

from civicgrid.cases.models import CaseEvent
from civicgrid.notifications.models import Notice

BEFORE = [("cases", "0007_kinds_and_stages_from_the_registry"), ("notifications", "0002_one_outbox_for_every_channel")]
LABELS = ["诉求人", "系统", "12345热线", "网格员（鸳鸯湖第1网格）", "鼓楼街道综治中心", "榆阳区领导", "测试部门0", "外省转来"]


def migrate(targets=None):
    executor = MigrationExecutor(connection)
    targets = targets or executor.loader.graph.leaf_nodes()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


@pytest.fixture
def old_rows(reported_case, township_dispatcher, department_handler):
    """Events and notices as the code before this change wrote them."""
    department_handler.assignments.get().department.__class__.objects.update(name="测试部门0")
    old = migrate(BEFORE)
    event, notice = old.get_model("cases", "CaseEvent"), old.get_model("notifications", "Notice")
    for label in LABELS:
        event.objects.create(case_id=reported_case.pk, action="comment", actor_label=label)
    number = reported_case.number
    for text in (f"案件 {number}（处置中）已超期。", f"您对 {number} 的延时申请已驳回。",
                 f"新派遣案件 {number}：门口：垃圾堆积", "请明早到岗交接。"):
        notice.objects.create(recipient_id=township_dispatcher.pk, kind="overdue", case_id=reported_case.pk, text=text)
    migrate()
    return reported_case


@pytest.mark.django_db(transaction=True)
def test_old_events_get_their_role_and_organisation(old_rows):
    found = dict(CaseEvent.objects.filter(action="comment").values_list("actor_label", "actor_role"))
    assert found == {"诉求人": "resident", "系统": "system", "12345热线": "channel", "网格员（鸳鸯湖第1网格）": "grid_worker",
                     "鼓楼街道综治中心": "centre", "榆阳区领导": "leader", "测试部门0": "department", "外省转来": ""}
    with translation.override("en"):
        shown = [event.by for event in CaseEvent.objects.filter(action="comment").order_by("pk")]
    assert shown == ["Reporter", "System", "12345 hotline", "Grid worker (鸳鸯湖第1网格)",
                     "鼓楼街道 Comprehensive Governance Centre", "Leader, 榆阳区", "测试部门0", "外省转来"]


@pytest.mark.django_db(transaction=True)
def test_old_notices_get_their_wording_and_parameters(old_rows):
    number = old_rows.number
    found = {n.text: (n.code, n.params) for n in Notice.objects.all()}
    assert found[f"案件 {number}（处置中）已超期。"] == ("case.overdue", {"number": number, "status": "dispatched"})
    assert found[f"您对 {number} 的延时申请已驳回。"] == (
        "case.approval_decided", {"number": number, "kind": "extension", "decision": "refused"})
    assert found[f"新派遣案件 {number}：门口：垃圾堆积"] == ("case.dispatched", {"number": number, "title": "门口：垃圾堆积"})
    assert found["请明早到岗交接。"] == ("", {})
    with translation.override("en"):
        assert Notice.objects.get(code="case.overdue").message == f"Case {number} (Being handled) is overdue."
        assert Notice.objects.get(code="").message == "请明早到岗交接。"
