"""Without a routing rule, bulk intake dispatches to the nearest default lead up the tree, as ``propose`` does."""

from civicgrid.cases.bulk import file_many
from civicgrid.cases.routing import propose
from civicgrid.testing import factories


def test_each_case_goes_to_the_default_lead_nearest_its_category(
    street_litter, township_dispatcher, department_handler, second_department_handler,
):
    top_lead = department_handler.assignments.get().department
    near_lead = second_department_handler.assignments.get().department
    street_litter.parent.default_lead_department = top_lead
    street_litter.parent.save()
    fallen_tree = factories.category("01.002", "树木倒伏", default_lead_department=near_lead)

    filed = file_many([factories.report(street_litter), factories.report(fallen_tree)], township_dispatcher)

    leads = [case.assignments.get().department for case in filed.cases]
    assert leads == [top_lead, near_lead]
    assert leads == [propose(case.category, case.area_code).lead for case in filed.cases]
