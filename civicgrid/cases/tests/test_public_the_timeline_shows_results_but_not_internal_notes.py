"""The rule of what residents see (views/public.py): every step of the loop as department or centre, step
and time; the text and photos of handling results; nothing of requests, approvals, supervision or reminders."""

from django.urls import reverse

from civicgrid.cases.models import Approval
from civicgrid.cases.services import decide, transition
from civicgrid.testing import factories

from .test_public_support import (  # noqa: F401
    dispatch_to,
    fresh_cache,
    handle_all,
    look_up,
    media_in_tmp,
    text_of,
)


def timeline(client, case) -> str:
    look_up(client, case.number)
    return text_of(client.get(reverse("public:case", args=[case.number])).content.decode(), "timeline")


def test_the_handling_result_is_shown_with_the_department_and_the_approval_notes_are_not(
        client, reported_case, intake_clerk, township_dispatcher, department_handler, grid_worker, leader):
    case = reported_case
    dispatch_to(case, intake_clerk, township_dispatcher, department_handler)
    assignment = case.assignments.get()
    transition(case, "accept", department_handler, assignment=assignment)
    transition(case, "request_extension", department_handler, assignment=assignment, note="内部理由：车辆检修",
               amount=2)
    decide(Approval.objects.get(), True, township_dispatcher, note="审批意见：同意延时")
    transition(case, "supervise", leader, note="督办意见：限期办结")
    transition(case, "remind", township_dispatcher)
    handle_all(case, note="已清运垃圾 3 车，现场已恢复整洁", files=[factories.jpeg("after.jpg")])
    transition(case, "reject", grid_worker, note="核查意见：角落仍有垃圾")

    shown = timeline(client, case)

    department = assignment.department.name
    assert "处理反馈 · " + department in shown and "已清运垃圾 3 车，现场已恢复整洁" in shown
    assert "派遣 · 鼓楼街道综治中心" in shown and "主办：" + department in shown
    assert "签收 · " + department in shown and "核查不通过" in shown
    for hidden in ("内部理由", "审批意见", "督办意见", "核查意见", "申请延时", "延时", "督办", "催办"):
        assert hidden not in shown, hidden


def test_the_resident_sees_a_result_photo_but_not_the_photos_they_sent(client, street_litter, yulin, intake_clerk,
                                                                    township_dispatcher, department_handler):
    from civicgrid.cases.intake import file_case

    case = file_case(factories.report(street_litter, files=[factories.jpeg("before.jpg")]))
    dispatch_to(case, intake_clerk, township_dispatcher, department_handler)
    handle_all(case, files=[factories.jpeg("after.jpg")])
    look_up(client, case.number)
    page = client.get(reverse("public:case", args=[case.number]))

    photos = [f for step in page.context["timeline"] for f in step["files"]]
    assert [f.name for f in photos] == ["after.jpg"]
    served = client.get(reverse("public:photo", args=[case.number, photos[0].pk]))
    assert served.status_code == 200 and served["Content-Type"] == "image/jpeg"
    assert b"".join(served.streaming_content).startswith(b"\xff\xd8\xff")
    before = case.attachments.get(name="before.jpg")
    assert client.get(reverse("public:photo", args=[case.number, before.pk])).status_code == 404


def test_a_result_photo_is_not_found_without_a_lookup_in_this_session(client, reported_case, intake_clerk,
                                                                      township_dispatcher, department_handler):
    from django.test import Client

    dispatch_to(reported_case, intake_clerk, township_dispatcher, department_handler)
    handle_all(reported_case, files=[factories.jpeg("after.jpg")])
    photo = reported_case.attachments.get()
    url = reverse("public:photo", args=[reported_case.number, photo.pk])
    assert Client().get(url).status_code == 404
    look_up(client, reported_case.number)
    assert client.get(url).status_code == 200
