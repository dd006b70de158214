from civicgrid.notifications.services import notify


def test_staff_read_their_notices_and_mark_them_read(as_staff, township_dispatcher, case_in_a):
    notify([township_dispatcher], "new_task", "新任务一", case=case_in_a)
    notify([township_dispatcher], "reminder", "催办二")
    api = as_staff(township_dispatcher)
    listed = api.get("/notices").json()
    assert [n["text"] for n in listed["items"]] == ["催办二", "新任务一"] and listed["unread"] == 2
    assert listed["items"][1]["case"] == case_in_a.number
    assert api.post("/notices/read", {"ids": [listed["items"][0]["id"]]}).json() == {"marked": 1, "unread": 1}
    assert [n["text"] for n in api.get("/notices", {"unread": "true"}).json()["items"]] == ["新任务一"]


def test_an_application_has_no_notices(as_application):
    answer = as_application("610802001").get("/notices")
    assert answer.status_code == 403 and answer.json()["code"] == "staff_only"
