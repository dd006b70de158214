"""A filing that fails after its photo was stored — the case was filed, then its caller refused it (as the
API refuses a case outside a client application's area) and rolled back — leaves no file behind, nor does
a step rolled back after its photo."""

import pytest
from django.db import transaction

from civicgrid.cases.intake import file_case
from civicgrid.cases.models import Attachment
from civicgrid.cases.services import transition
from civicgrid.core import files
from civicgrid.testing import factories


class Undone(Exception):
    pass


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


def stored(media) -> list:
    return [path for path in media.rglob("*") if path.is_file()]


def test_a_filing_undone_inside_a_larger_transaction_leaves_no_file(media, street_litter, yulin):
    """As the API files inside its own transaction and refuses a case outside the application's area."""
    with transaction.atomic():
        with pytest.raises(Undone), transaction.atomic():
            file_case(factories.report(street_litter, files=[factories.jpeg("现场.jpg")]))
            raise Undone
        files.sweep()
        assert stored(media) == []


@pytest.mark.django_db(transaction=True)
def test_a_filing_rolled_back_after_its_photo_leaves_no_file(media, street_litter, yulin):
    with pytest.raises(Undone), transaction.atomic():
        file_case(factories.report(street_litter, files=[factories.jpeg("现场.jpg")]))
        assert len(stored(media)) == 1
        raise Undone
    files.sweep()
    assert stored(media) == [] and not Attachment.objects.exists()


@pytest.mark.django_db(transaction=True)
def test_a_step_rolled_back_after_its_photo_leaves_no_file_and_keeps_the_filing(media, reported_case, intake_clerk):
    before = stored(media)
    with pytest.raises(Undone), transaction.atomic():
        transition(reported_case, "comment", intake_clerk, note="补充照片", files=[factories.jpeg("补充.jpg")])
        raise Undone
    files.sweep()
    assert stored(media) == before
