from django.urls import reverse

from civicgrid.cases.models import RoutingRule
from civicgrid.cases.services import transition
from civicgrid.testing import factories


def test_the_dispatch_form_lists_serving_departments_with_the_routing_proposal_preselected(
    client, intake_clerk, township_dispatcher, department_handler, second_department_handler, street_litter,
    reported_case, yulin,
):
    lead = department_handler.assignments.get().department
    co = second_department_handler.assignments.get().department
    elsewhere = factories.DepartmentFactory(area=yulin["county"], served_areas=[factories.area("610803")])
    rule = RoutingRule.objects.create(category=street_litter, area_prefix="610802", lead_department=lead)
    rule.co_departments.set([co])
    transition(reported_case, "register", intake_clerk)
    client.force_login(township_dispatcher)
    page = client.get(reverse("cases:detail", args=[reported_case.number]))
    options = {o.department.pk: (o.lead, o.co) for o in page.context["departments"]}
    assert options == {lead.pk: (True, False), co.pk: (False, True)}
    assert elsewhere.pk not in options
