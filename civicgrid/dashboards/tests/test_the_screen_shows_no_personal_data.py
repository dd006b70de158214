"""A wall display is seen by everyone in the room: the screen sends a case's number, time, category, kind and
place, never the reporter's name, phone or ID number, nor the resident's own words (title, description,
address), which may name people."""

import json

from civicgrid.cases.intake import file_case
from civicgrid.dashboards import screen
from civicgrid.dashboards.figures import Where
from civicgrid.testing import factories


def test_no_name_phone_id_title_description_or_address_reaches_the_screen(yulin, street_litter, overdue):
    case = file_case(factories.report(street_litter, reporter_name="王小明", reporter_phone="13912345678",
                                      title="王小明家门口垃圾", description="联系王小明 13912345678",
                                      address="鼓楼街道人民路8号王家"))
    overdue(case)
    payload = json.dumps(screen.refresh(Where("610802001", child_length=12)), ensure_ascii=False)
    assert case.number in payload and "暴露垃圾" in payload and "鸳鸯湖第1网格" in payload
    for private in ("王小明", "13912345678", "1391234", "人民路", "门口"):
        assert private not in payload, private
