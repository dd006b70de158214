from civicgrid.testing import factories


def test_a_township_dispatcher_sees_the_county_departments_serving_it(as_staff, township_dispatcher,
                                                                      department_handler, yulin):
    elsewhere = factories.DepartmentFactory(area=yulin["county"], served_areas=[yulin["township_b"]])
    listed = as_staff(township_dispatcher).get("/departments").json()["items"]
    ids = {d["id"] for d in listed}
    assert department_handler.assignments.get().department_id in ids
    assert elsewhere.pk not in ids
    assert as_staff(township_dispatcher).get(f"/departments/{elsewhere.pk}").status_code == 404


def test_serving_lists_what_dispatch_would_offer_for_an_area_in_scope(as_staff, township_dispatcher,
                                                                      department_handler):
    api = as_staff(township_dispatcher)
    served = api.get("/departments", {"serving": "610802001001001"}).json()["items"]
    assert [d["id"] for d in served] == [department_handler.assignments.get().department_id]
    assert served[0]["served_areas"] == ["610802"]
    assert api.get("/departments", {"serving": "610802002"}).status_code == 404
