"""重复件: open cases of the same category nearby are suggested; merging links them and keeps both histories."""

import pytest

from civicgrid.cases.choices import Status
from civicgrid.cases.duplicates import candidates
from civicgrid.cases.intake import file_case
from civicgrid.cases.models import CaseFollower
from civicgrid.cases.services import transition
from civicgrid.cases.workflow import InvalidInput
from civicgrid.testing import factories

NEAR = (109.7105, 38.2905)  # about 70 m from the first report
FAR = (109.715, 38.295)  # about 700 m away


def test_an_open_case_of_the_same_category_within_the_radius_is_suggested(reported_case, street_litter,
                                                                           township_dispatcher):
    near = file_case(factories.report(street_litter, point=NEAR, reporter_phone="13900001111"))
    far = file_case(factories.report(street_litter, point=FAR))
    found = candidates(near, township_dispatcher)
    assert [case for case, _distance in found] == [reported_case]
    assert 50 < found[0][1] < 90
    assert candidates(far, township_dispatcher) == []


def test_other_categories_and_finished_cases_are_not_suggested(reported_case, street_litter, shift_lead):
    other = factories.category("01.002", "乱扔杂物")
    assert candidates(file_case(factories.report(other, point=NEAR)), shift_lead) == []
    transition(reported_case, "void", shift_lead, note="测试")
    assert candidates(file_case(factories.report(street_litter, point=NEAR)), shift_lead) == []


def test_merging_keeps_both_histories_and_the_duplicates_reporter_follows_the_original(
        reported_case, street_litter, intake_clerk):
    duplicate = file_case(factories.report(street_litter, point=NEAR, reporter_name="李四",
                                           reporter_phone="13900001111"))
    transition(duplicate, "merge", intake_clerk, original=reported_case.number)
    duplicate.refresh_from_db()
    assert duplicate.status == Status.MERGED and duplicate.duplicate_of == reported_case
    assert duplicate.events.count() == 2 and reported_case.events.count() == 1
    follower = CaseFollower.objects.get(case=reported_case)
    assert (follower.name, follower.phone, follower.source) == ("李四", "13900001111", duplicate)


def test_a_case_cannot_be_merged_into_itself_or_into_a_finished_case(reported_case, street_litter, intake_clerk,
                                                                    shift_lead):
    with pytest.raises(InvalidInput):
        transition(reported_case, "merge", intake_clerk, original=reported_case.number)
    other = file_case(factories.report(street_litter, point=NEAR))
    transition(other, "void", shift_lead, note="测试")
    with pytest.raises(InvalidInput, match="找不到可合并的原案件"):
        transition(reported_case, "merge", intake_clerk, original=other.number)
