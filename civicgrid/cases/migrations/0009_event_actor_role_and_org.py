"""Who acted on an event, and what a notice says, as codes that read in each reader's language.

Events and notices written before keep their stored Chinese words, shown as they are when nothing else is
known. Those whose words have one of the shapes civicgrid wrote are given their codes here, so that they read
in English too: an event's 诉求人, 系统, channel, department, grid worker's grid, centre or role at an area; a
notice's wording and parameters. The shapes and labels are those of the code at this migration, copied here
so that later changes to the code do not change what this migration does.
"""

import re

from django.db import migrations, models

CHANNELS = {"12345热线": "hotline", "网上诉求": "web", "网格员上报": "grid_worker", "来访": "walk_in",
            "Open311": "open311", "其他中心转办": "transfer"}
ROLES = {"网格长": "grid_head", "监督员": "inspector", "楼栋长": "building_head", "楼层长": "floor_head",
         "社区(村)长": "community_head", "片长": "precinct_head", "部门处置人员": "dept_handler",
         "部门负责人": "dept_head", "调解员": "mediator", "领导": "leader", "考评员": "evaluator", "审计员": "auditor",
         "系统管理员": "admin"}
GRID = re.compile(r"网格员（(.+)）")
CENTRE = "综治中心"

STATUSES = {"待受理": "reported", "待派遣": "registered", "处置中": "dispatched", "待核查": "handled",
            "待结案": "verified", "待回访": "closed", "已回访": "rated", "自行处置": "self_resolved",
            "已作废": "voided", "已合并": "merged"}
KINDS = {"作废": "void", "回退": "return", "延时": "extension", "挂账": "suspension"}
DECISIONS = {"待审批": "pending", "已同意": "approved", "已驳回": "refused", "已失效": "lapsed"}
LABELLED = {"status": STATUSES, "kind": KINDS, "decision": DECISIONS}
NOTICES = {
    "case.dispatched": "新派遣案件 %(number)s：%(title)s",
    "case.approval_requested": "%(number)s 有%(kind)s申请待审批：%(note)s",
    "case.approval_decided": "您对 %(number)s 的%(kind)s申请%(decision)s。",
    "case.handled": "案件 %(number)s 已处置，请现场核查。",
    "case.verified": "案件 %(number)s 已核查通过，请结案。",
    "case.escalated": "下级中心上报案件 %(number)s：%(title)s",
    "case.reminded": "请尽快办理案件 %(number)s：%(title)s",
    "case.supervised": "案件 %(number)s 已被督办，请加快办理。",
    "case.rework": "案件 %(number)s 需返工，请重新处置。",
    "case.overdue": "案件 %(number)s（%(status)s）已超期。",
    "assignment.overdue": "案件 %(number)s 已超过办理期限，请尽快处置。",
    "assignment.yellow": "催办提醒：案件 %(number)s 将于 %(due)s 到期，请抓紧办理。",
}
BATCH = 1000


def actor_of(label: str, departments: set[str]) -> tuple[str, str] | None:
    """(role, org) for the words an event stored, or None when they have none of civicgrid's shapes."""
    fixed = {"诉求人": ("resident", ""), "系统": ("system", "")}
    if label in fixed:
        return fixed[label]
    if label in CHANNELS:
        return "channel", CHANNELS[label]
    if label in departments:
        return "department", label
    if grid := GRID.fullmatch(label):
        return "grid_worker", grid.group(1)
    return _at_area(label)


def _at_area(label: str) -> tuple[str, str] | None:
    for suffix, role in [(CENTRE, "centre"), *sorted(ROLES.items(), key=lambda item: -len(item[0]))]:
        if label.endswith(suffix) and len(label) > len(suffix):
            return role, label[: -len(suffix)]
    return None


def name_event_actors(apps, schema_editor):
    CaseEvent = apps.get_model("cases", "CaseEvent")
    departments = set(apps.get_model("orgs", "Department").objects.values_list("name", flat=True))
    old = CaseEvent.objects.filter(actor_role="")
    for label in old.values_list("actor_label", flat=True).distinct().order_by():
        found = actor_of(label, departments)
        if found:
            old.filter(actor_label=label).update(actor_role=found[0], actor_org=found[1])


def pattern(text: str) -> re.Pattern:
    """The words a text with %(name)s parameters gives, as a regular expression with a group per parameter."""
    parts = re.split(r"%\((\w+)\)s", text)
    regex = "".join(re.escape(part) if index % 2 == 0 else _group(part) for index, part in enumerate(parts))
    return re.compile(regex, re.DOTALL)


def _group(name: str) -> str:
    if name in LABELLED:
        return f"(?P<{name}>{'|'.join(map(re.escape, LABELLED[name]))})"
    return f"(?P<{name}>[0-9A-Za-z-]+)" if name == "number" else f"(?P<{name}>.*?)"


PATTERNS = {code: pattern(text) for code, text in NOTICES.items()}


def wording_of(text: str) -> tuple[str, dict] | None:
    for code, regex in PATTERNS.items():
        if found := regex.fullmatch(text):
            return code, {name: LABELLED[name][value] if name in LABELLED else value
                          for name, value in found.groupdict().items()}
    return None


def name_notice_wordings(apps, schema_editor):
    Notice = apps.get_model("notifications", "Notice")
    last = 0
    while batch := list(Notice.objects.filter(code="", pk__gt=last).only("pk", "text").order_by("pk")[:BATCH]):
        last = batch[-1].pk
        changed = [notice for notice in batch if _worded(notice)]
        Notice.objects.bulk_update(changed, ["code", "params"])


def _worded(notice) -> bool:
    found = wording_of(notice.text)
    if found:
        notice.code, notice.params = found
    return found is not None


class Migration(migrations.Migration):

    dependencies = [
        ('cases', '0008_category_names_and_spellings'),
        ('notifications', '0003_notice_wording_code_and_params'),
        ('orgs', '0002_inspector_and_auditor_roles'),
    ]

    operations = [
        migrations.AddField(
            model_name='caseevent',
            name='actor_org',
            field=models.CharField(blank=True, help_text='部门、中心所在区域或网格的名称；来源渠道时为渠道代码。', max_length=100, verbose_name='操作方单位'),
        ),
        migrations.AddField(
            model_name='caseevent',
            name='actor_role',
            field=models.CharField(blank=True, help_text='角色代码，或 resident、system、channel、department、centre。', max_length=32, verbose_name='操作方角色'),
        ),
        migrations.RunPython(name_event_actors, migrations.RunPython.noop),
        migrations.RunPython(name_notice_wordings, migrations.RunPython.noop),
    ]
