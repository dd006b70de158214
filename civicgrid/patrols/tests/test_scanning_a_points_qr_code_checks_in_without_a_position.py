import pytest

from civicgrid.patrols import checkins
from civicgrid.patrols.checkins import PatrolError
from civicgrid.patrols.choices import CheckInMethod
from civicgrid.patrols.models import CheckIn


def test_the_points_token_checks_in_there_with_no_position(patrol, grid_worker):
    market = patrol.points[1]
    found = checkins.check_in(grid_worker, checkins.Row(qr=checkins.point_token(market)))
    assert (found.point, found.method, found.longitude, found.distance_m) == (market, CheckInMethod.QR, None, None)


def test_a_made_up_token_is_refused(patrol, grid_worker):
    forged = f"{patrol.school.pk}:not-the-signature"
    with pytest.raises(PatrolError, match="二维码无效"):
        checkins.check_in(grid_worker, checkins.Row(qr=forged))
    assert not CheckIn.objects.exists()


def test_the_qr_code_opens_the_scan_page_which_checks_in(client, patrol, grid_worker):
    client.force_login(grid_worker)
    svg = client.get(f"/patrols/points/{patrol.school.pk}/qr.svg")
    assert svg["Content-Type"] == "image/svg+xml" and b"<svg" in svg.content
    scan = f"/patrols/scan/{checkins.point_token(patrol.school)}/"
    assert "榆林第一小学" in client.get(scan).content.decode()
    answer = client.post(scan)
    assert answer.status_code == 302 and answer["Location"] == f"/patrols/shifts/{patrol.shift.pk}/"
    assert CheckIn.objects.get().method == CheckInMethod.QR


def test_the_scan_page_of_a_point_not_on_the_users_shifts_is_a_404(client, patrol, outsider):
    client.force_login(outsider)
    assert client.get(f"/patrols/scan/{checkins.point_token(patrol.school)}/").status_code == 404
    assert client.get(f"/patrols/points/{patrol.school.pk}/qr.svg").status_code == 404
