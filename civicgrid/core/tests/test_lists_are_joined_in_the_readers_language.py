"""Lists and clauses built from parts read as Chinese in Chinese (甲、乙；丙) and as English in English
("A, B; C"): no "、" between English words."""

from types import SimpleNamespace

from django.utils import translation

from civicgrid.cases.extra import _not_a_choice
from civicgrid.cases.templatetags.case_tags import event_summary
from civicgrid.cases.timeline import dispatched
from civicgrid.core.wording import clauses, listing


def test_a_list_takes_the_chinese_comma_in_chinese_and_a_comma_in_english():
    assert listing(["城管局", "住建局", 2026]) == "城管局、住建局、2026"
    with translation.override("en"):
        assert listing(["城管局", "住建局", 2026]) == "城管局, 住建局, 2026"


def test_clauses_leave_out_empty_parts_and_take_the_readers_semicolon():
    assert clauses(["主办：城管局", "", "协办：住建局"]) == "主办：城管局；协办：住建局"
    with translation.override("en"):
        assert clauses(["Lead: A", None, "Co: B"]) == "Lead: A; Co: B"


def test_the_dispatch_wording_on_the_timeline_reads_as_english():
    with translation.override("en"):
        assert dispatched({"lead": "城管局", "co": ["住建局", "水务局"]}) == "Lead: 城管局; Co-departments: 住建局, 水务局"


def test_the_staff_event_summary_reads_as_english():
    event = SimpleNamespace(action="dispatch", data={"lead": "城管局", "co": ["住建局", "水务局"]})
    with translation.override("en"):
        assert "、" not in event_summary(event) and "；" not in event_summary(event)


def test_a_wrong_choice_names_the_options_in_the_readers_language():
    field = SimpleNamespace(label="Kind", choices=["a", "b", "c"])
    with translation.override("en"):
        assert "a, b, c" in _not_a_choice(field, "x")
