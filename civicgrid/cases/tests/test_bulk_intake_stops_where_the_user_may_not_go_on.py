"""Bulk intake takes each step only where the workflow lets the user take it, and says why it stopped."""

from civicgrid.cases.bulk import file_many
from civicgrid.testing import factories


def test_an_intake_clerk_registers_but_may_not_dispatch_and_an_outsider_only_files(
    street_litter, intake_clerk, outsider, department_handler,
):
    street_litter.default_lead_department = department_handler.assignments.get().department
    street_litter.save()

    by_clerk = file_many([factories.report(street_litter)], intake_clerk)
    assert by_clerk.cases[0].status == "registered" and by_clerk.cases[0].version == 2
    assert "派遣" in by_clerk.not_dispatched[0]

    by_outsider = file_many([factories.report(street_litter)], outsider)
    assert by_outsider.cases[0].status == "reported" and by_outsider.cases[0].version == 1
    assert "立案" in by_outsider.not_dispatched[0]


def test_a_case_without_a_route_is_registered_and_waits_for_a_dispatcher(street_litter, township_dispatcher):
    filed = file_many([factories.report(street_litter)], township_dispatcher)
    assert filed.cases[0].status == "registered" and not filed.cases[0].assignments.exists()
    assert filed.not_dispatched == {0: "请选择主办部门。"}
