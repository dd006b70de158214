"""附加字段 of a few demo categories, as an administrator of the demo city would set them: the hotline clerk and
the resident's form ask for them, Open311 clients see those services with attributes (``metadata: true``), and
the demo's cases carry values for them.

The fields are added before the demo's cases are filed, so that the cases of these categories have their
required values, as real ones would.
"""

import random
from datetime import datetime, timedelta

from django.utils import timezone

from civicgrid.cases.categories import categories_by_path
from civicgrid.cases.choices import FieldType
from civicgrid.cases.models import CategoryField

CHOICE, MULTI, NUMBER, DATE, TEXT = (FieldType.CHOICE, FieldType.MULTI_CHOICE, FieldType.NUMBER, FieldType.DATE,
                                     FieldType.TEXT)
FIELDS = {
    ("城管事件", "市容环境", "暴露垃圾"): [
        ("size", "垃圾量", CHOICE, ["少量", "较多", "大量"], True),
        ("kinds", "垃圾种类", MULTI, ["生活垃圾", "建筑垃圾", "大件垃圾", "园林垃圾"], False),
    ],
    ("城管事件", "突发事件", "井盖缺失"): [
        ("cover", "井盖类型", CHOICE, ["雨水", "污水", "电力", "通信", "燃气", "自来水", "不清楚"], True),
        ("marked", "现场是否已设警示", CHOICE, ["是", "否"], False),
    ],
    ("城管事件", "突发事件", "道路积水"): [
        ("depth_cm", "积水深度（厘米）", NUMBER, [], True),
        ("since", "开始积水日期", DATE, [], False),
    ],
    ("城管事件", "街面秩序", "机动车乱停放"): [
        ("vehicles", "车辆数", NUMBER, [], False),
        ("blocking", "占用", MULTI, ["盲道", "消防通道", "人行道", "机动车道"], False),
    ],
    ("城乡建设", "城市建设和市政管理", "城市公共设施"): [
        ("facility", "设施类型", CHOICE, ["路灯", "护栏", "公厕", "垃圾桶", "公交站亭", "座椅", "其他"], True),
        ("facility_no", "设施编号（如路灯杆号）", TEXT, [], False),
    ],
}
TEXT_MAX = 30


def load_fields() -> int:
    """Add the fields a category does not have yet (by code); the number added. What administrators changed
    afterwards stays."""
    by_path = categories_by_path()
    made = 0
    for path, fields in FIELDS.items():
        if path in by_path:
            made += sum(_add(by_path[path], *field) for field in fields)
    return made


def _add(category, code: str, label: str, kind: str, choices: list, required: bool) -> bool:
    _field, created = CategoryField.objects.get_or_create(category=category, code=code, defaults={
        "label": label, "field_type": kind, "choices": choices, "required": required,
        "max_length": TEXT_MAX if kind == TEXT else None})
    return created


def sample_values(category, rng: random.Random, reported_at: datetime) -> dict:
    """Values a reporter would give for ``category``'s fields: every required one, about half the others."""
    return {field.code: _value(field, rng, reported_at) for field in category.all_fields()
            if field.required or rng.random() < 0.5}


def _value(field, rng: random.Random, reported_at: datetime):
    if field.field_type == CHOICE:
        return rng.choice(field.choices)
    if field.field_type == MULTI:
        return rng.sample(field.choices, rng.randint(1, 2))
    if field.field_type == NUMBER:
        return str(rng.randint(1, 40))
    if field.field_type == DATE:
        return (timezone.localdate(reported_at) - timedelta(days=rng.randint(0, 3))).isoformat()
    return str(rng.randint(1000, 9999))
