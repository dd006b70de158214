import pytest
from django.utils import timezone

from civicgrid.cases.models import Case


@pytest.fixture
def overdue():
    """Make a case overdue: its due time moved an hour and a bit into the past, as the sweep would find it."""

    def make(case: Case, hours: int = 3) -> Case:
        Case.objects.filter(pk=case.pk).update(due_at=timezone.now() - timezone.timedelta(hours=hours, minutes=5))
        case.refresh_from_db()
        return case

    return make
