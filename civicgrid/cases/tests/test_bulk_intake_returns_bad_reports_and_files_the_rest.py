"""A bad report in a batch comes back with the per-case path's messages; the good ones are filed."""

from civicgrid.cases.bulk import file_many
from civicgrid.cases.intake import InvalidInput, file_case
from civicgrid.cases.models import Case, CategoryField
from civicgrid.cases.workflow import NotAllowed
from civicgrid.testing import factories

OUTSIDE = (110.5, 39.5)


def per_case_errors(report):
    try:
        file_case(report)
    except InvalidInput as error:
        return error.errors
    raise AssertionError("the per-case path filed a bad report")


def test_a_report_on_a_channel_the_filer_may_not_use_comes_back_with_the_per_case_message(street_litter, yulin):
    report = factories.report(street_litter, channel="hotline")  # residents file on the web, not as the hotline
    try:
        file_case(report)
    except NotAllowed as error:
        refusal = error.message
    filed = file_many([report, factories.report(street_litter)], dispatch=False)
    assert filed.errors == {0: {"channel": refusal}} and len(filed.cases) == 1


def test_bad_reports_come_back_by_position_with_the_per_case_messages_and_the_others_are_filed(street_litter, yulin):
    # Inherited from 市容环境: every 暴露垃圾 report must say how much there is.
    CategoryField.objects.create(category=street_litter.parent, code="volume", label="体积", field_type="number",
                                 required=True)
    bad = [factories.report(street_litter, title=""), factories.report(street_litter, reporter_phone="12345"),
           factories.report(street_litter, point=OUTSIDE, extra={"volume": 2})]
    good = [factories.report(street_litter, extra={"volume": 3}),
            factories.report(street_litter, point=OUTSIDE, address="榆阳区鼓楼街道某路", extra={"volume": "1.5"})]
    filed = file_many([bad[0], good[0], bad[1], good[1], bad[2]], dispatch=False)

    assert filed.errors == {0: per_case_errors(bad[0]), 2: per_case_errors(bad[1]), 4: per_case_errors(bad[2])}
    assert "extra.volume" in filed.errors[0] and "location" in filed.errors[4]
    assert [case.status for case in filed.cases] == ["reported", "reported"]
    placed, unplaced = filed.cases
    assert placed.area.code == "610802001001001" and placed.centre_area.code == "610802001"
    assert unplaced.area == unplaced.centre_area and unplaced.events.get().note  # filed at the region, with a warning
    assert Case.objects.count() == 2
