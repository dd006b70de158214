from django.utils import timezone

from civicgrid.patrols import checkins, services
from civicgrid.patrols.choices import CheckInMethod
from civicgrid.patrols.models import CheckIn


def test_a_check_in_thirty_metres_from_the_school_is_recorded_with_its_distance(patrol, grid_worker):
    school = patrol.school
    # 0.00035° of latitude is about 39 m.
    found = checkins.check_in(grid_worker, checkins.Row(point=school.pk, longitude=school.longitude,
                                                        latitude=school.latitude + 0.00035))
    assert (found.shift, found.point, found.member, found.method) == (patrol.shift, school, patrol.member,
                                                                      CheckInMethod.POSITION)
    assert 35 <= found.distance_m <= 42
    assert services.completeness([patrol.shift.pk])[patrol.shift.pk].checked == 1


def test_the_same_check_in_sent_twice_is_recorded_once(patrol, grid_worker):
    school = patrol.school
    row = checkins.Row(point=school.pk, at=timezone.now(), longitude=school.longitude, latitude=school.latitude)
    first = checkins.ingest(grid_worker, [row, row])
    again = checkins.ingest(grid_worker, [row])
    assert (len(first.created), first.duplicates, len(again.created), again.duplicates) == (1, 1, 0, 1)
    assert CheckIn.objects.count() == 1
