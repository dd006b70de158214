"""Enrolment places the resident at their grid or unit and names one of that grid's workers or its head as
responsible. Who may enrol: the worker themselves, the grid head and the township's officer; a place that is
no grid or unit, a worker of another grid, an enroller without reach and a second enrolment in the same
programme are each refused with a message, nothing saved."""

import pytest

from civicgrid.care import services
from civicgrid.care.models import Enrolment
from civicgrid.cases.workflow import InvalidInput
from civicgrid.testing import factories

from .conftest import enrolment_input


@pytest.mark.parametrize("who", ["grid_worker", "grid_head", "officer"])
def test_the_worker_their_head_and_the_officer_may_enrol(request, grid_worker, building, who):
    found = services.enrol(request.getfixturevalue(who), enrolment_input(building, grid_worker))
    assert (found.worker, found.area_code, found.frequency) == (grid_worker, building.code, 7)


def refused(user, data) -> dict:
    with pytest.raises(InvalidInput) as refusal:
        services.enrol(user, data)
    assert not Enrolment.objects.exists()
    return refusal.value.errors


def test_a_community_is_no_place(grid_head, grid_worker, yulin):
    assert refused(grid_head, enrolment_input(yulin["community_a"], grid_worker)) == {
        "area": "请选择居民所在的网格或楼栋、楼层等责任单元。"}


def test_a_worker_of_another_grid_is_refused(grid_head, building, yulin):
    worker_b = factories.staff_with_role("grid_worker", area=yulin["grid_b"], username="worker_b")
    assert refused(grid_head, enrolment_input(building, worker_b)) == {
        "worker": "责任人须是“1号楼”所在网格的网格员或网格长。"}


def test_another_worker_may_not_enrol_for_a_colleague(other_worker, grid_worker, building):
    assert "只有责任人本人、其网格长和乡镇街道关爱帮扶专干可以登记" in refused(
        other_worker, enrolment_input(building, grid_worker))["area"]


def test_centre_staff_who_are_not_the_officer_may_not_enrol(township_dispatcher, grid_worker, building):
    assert list(refused(township_dispatcher, enrolment_input(building, grid_worker))) == ["area"]


def test_a_bad_phone_a_missing_name_and_frequency_are_named_together(grid_head, grid_worker, building):
    errors = refused(grid_head, enrolment_input(building, grid_worker, resident_phone="12345", resident_name="",
                                                frequency=5))
    assert set(errors) == {"resident_phone", "resident_name", "frequency"}


def test_the_same_resident_is_not_enrolled_twice_in_a_programme(grid_head, grid_worker, building, enrolment):
    with pytest.raises(InvalidInput) as refusal:
        services.enrol(grid_head, enrolment_input(building, grid_worker))
    assert refusal.value.errors == {"resident_name": "该居民已在“独居老人关爱”中，无需重复登记。"}
    assert Enrolment.objects.count() == 1
    services.enrol(grid_head, enrolment_input(building, grid_worker, programme="disability"))
