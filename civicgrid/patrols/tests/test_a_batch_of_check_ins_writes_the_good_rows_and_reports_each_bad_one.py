from datetime import timedelta

from django.utils import timezone

from civicgrid.api import keys
from civicgrid.patrols import checkins
from civicgrid.patrols.models import CheckIn


def row(point, minutes_ago: int, north: float = 0.0) -> dict:
    return {"point": point.pk, "at": timezone.now() - timedelta(minutes=minutes_ago),
            "longitude": point.longitude, "latitude": point.latitude + north}


def test_good_rows_are_written_and_bad_ones_named_by_their_number(api, patrol, grid_worker):
    school, market, station = patrol.points
    items = [row(school, 30), row(market, 20, north=0.01), row(station, 10),
             {"qr": "forged:token"}, row(school, 120)]  # far; forged; before the shift began
    answer = api(grid_worker, "post", "/patrols/checkins", {"items": items})
    assert answer.status_code == 200, answer.content
    body = answer.json()
    assert (body["created"], body["duplicates"]) == (2, 0)
    assert [error["row"] for error in body["errors"]] == [2, 4, 5]
    assert "超出打卡范围" in body["errors"][0]["message"] and "二维码无效" in body["errors"][1]["message"]
    assert "当班班次" in body["errors"][2]["message"]
    assert set(CheckIn.objects.values_list("point__name", flat=True)) == {"榆林第一小学", "鼓楼公交站"}


def test_a_thousand_check_ins_take_the_same_few_queries_as_ten(api, patrol, grid_worker, django_assert_max_num_queries):
    qr = checkins.point_token(patrol.school)
    start = patrol.shift.starts_at
    items = [{"qr": qr, "at": start + timedelta(seconds=n)} for n in range(1000)]
    with django_assert_max_num_queries(20):
        answer = api(grid_worker, "post", "/patrols/checkins", {"items": items})
    assert answer.json()["created"] == 1000


def test_an_application_without_a_staff_account_cannot_check_in(client, patrol):
    _app, raw = keys.create_application("鼓楼街道 App", "610802001", ["read", "file"])
    answer = client.post("/api/v1/patrols/checkins", {"items": [{"qr": checkins.point_token(patrol.school)}]},
                         content_type="application/json", HTTP_AUTHORIZATION=f"Bearer {raw}")
    assert answer.status_code == 403
    assert not CheckIn.objects.exists()


def test_a_time_sent_without_its_zone_is_local_time(api, patrol, grid_worker):
    qr = checkins.point_token(patrol.school)
    local = timezone.localtime(timezone.now()).replace(tzinfo=None) - timedelta(minutes=5)
    answer = api(grid_worker, "post", "/patrols/checkins", {"items": [{"qr": qr, "at": local.isoformat()}]})
    assert answer.json()["created"] == 1
    assert timezone.localtime(CheckIn.objects.get().at).replace(tzinfo=None) == local
