from civicgrid.cases.models import Case

from .conftest import filing


def test_the_same_key_and_body_give_the_same_case_once(as_staff, intake_clerk, street_litter):
    api = as_staff(intake_clerk)
    first = api.post("/cases", filing(channel="hotline"), HTTP_IDEMPOTENCY_KEY="call-20261121-0001")
    again = api.post("/cases", filing(channel="hotline"), HTTP_IDEMPOTENCY_KEY="call-20261121-0001")
    assert first.status_code == again.status_code == 201
    assert first.json()["number"] == again.json()["number"]
    assert Case.objects.count() == 1


def test_the_same_key_with_a_different_body_is_refused_and_nothing_is_written(as_staff, intake_clerk,
                                                                             street_litter):
    api = as_staff(intake_clerk)
    api.post("/cases", filing(channel="hotline"), HTTP_IDEMPOTENCY_KEY="k1")
    answer = api.post("/cases", filing(channel="hotline", title="另一件事"), HTTP_IDEMPOTENCY_KEY="k1")
    assert answer.status_code == 409 and answer.json()["code"] == "idempotency_key_reused"
    assert Case.objects.count() == 1


def test_a_refused_filing_keeps_no_record_so_the_key_can_be_used_again(as_staff, intake_clerk, street_litter):
    api = as_staff(intake_clerk)
    assert api.post("/cases", filing(channel="hotline", title=""), HTTP_IDEMPOTENCY_KEY="k2").status_code == 422
    assert api.post("/cases", filing(channel="hotline"), HTTP_IDEMPOTENCY_KEY="k2").status_code == 201


def test_keys_of_two_callers_never_collide(as_staff, intake_clerk, shift_lead, street_litter):
    as_staff(intake_clerk).post("/cases", filing(channel="hotline"), HTTP_IDEMPOTENCY_KEY="same")
    as_staff(shift_lead).post("/cases", filing(channel="hotline"), HTTP_IDEMPOTENCY_KEY="same")
    assert Case.objects.count() == 2
