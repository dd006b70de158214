"""One cache per user object: seeing (restrict) and acting (the workflow, labels, webhooks) read the
user's role assignments once between them."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from civicgrid.cases import workflow
from civicgrid.cases.models import Case
from civicgrid.cases.services import actor_label
from civicgrid.geo.models import Area


def grant_queries(captured) -> int:
    return sum('"orgs_roleassignment"' in query["sql"] for query in captured.captured_queries)


def test_seeing_and_acting_read_the_grants_once(township_dispatcher, reported_case):
    case = Case.objects.select_related("centre_area").get(pk=reported_case.pk)
    with CaptureQueriesContext(connection) as captured:
        list(Case.objects.restrict(township_dispatcher))
        list(Area.objects.restrict(township_dispatcher, "manage_geography"))
        assert workflow.Action.REGISTER in {row.action for row, _a in workflow.available(township_dispatcher, case)}
        actor_label(township_dispatcher, None, case)
        assert township_dispatcher.scope.department_ids == set()
    assert grant_queries(captured) == 1


def test_the_scope_is_kept_on_the_user_object(township_dispatcher):
    assert township_dispatcher.scope is township_dispatcher.scope
    assert township_dispatcher.scope.prefixes() is township_dispatcher.scope.prefixes()


def test_a_fresh_user_object_such_as_the_next_requests_reads_the_grants_afresh(township_dispatcher, yulin):
    assert township_dispatcher.scope.prefixes() == ("610802001",)
    township_dispatcher.assignments.create(role="leader", area=yulin["township_b"])
    again = type(township_dispatcher).objects.get(pk=township_dispatcher.pk)
    assert again.scope.prefixes() == ("610802001", "610802002")
