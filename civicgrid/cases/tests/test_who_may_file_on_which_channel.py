import pytest

from civicgrid.cases.intake import file_case
from civicgrid.cases.models import Case
from civicgrid.cases.workflow import NotAllowed
from civicgrid.testing import factories


def test_a_resident_files_on_the_web_but_not_as_the_hotline(street_litter, yulin):
    assert file_case(factories.report(street_litter)).channel == "web"
    with pytest.raises(NotAllowed, match="12345热线"):
        file_case(factories.report(street_litter, channel="hotline"))


def test_an_intake_clerk_records_a_hotline_call_and_a_walk_in(street_litter, intake_clerk):
    for channel in ("hotline", "walk_in"):
        assert file_case(factories.report(street_litter, channel=channel), intake_clerk).reported_by == intake_clerk


def test_a_grid_worker_files_what_they_find_on_their_round_only(street_litter, grid_worker):
    assert file_case(factories.report(street_litter, channel="grid_worker"), grid_worker).channel == "grid_worker"
    with pytest.raises(NotAllowed):
        file_case(factories.report(street_litter, channel="hotline"), grid_worker)


def test_a_department_handler_does_not_file_cases(street_litter, department_handler):
    with pytest.raises(NotAllowed):
        file_case(factories.report(street_litter, channel="walk_in"), department_handler)
    assert not Case.objects.exists()
