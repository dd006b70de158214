import pytest
from django.urls import reverse

from civicgrid.cases.models import Approval
from civicgrid.cases.services import decide, transition

from .test_public_support import (  # noqa: F401
    dispatch_to,
    fresh_cache,
    handle_all,
    look_up,
    media_in_tmp,
    text_of,
)

NAMES = {"intake_clerk": "欧阳锦绣", "township_dispatcher": "司马青云", "department_handler": "诸葛明月",
         "grid_worker": "上官晓风", "shift_lead": "慕容清秋", "leader": "皇甫长安"}


@pytest.fixture
def named(intake_clerk, township_dispatcher, department_handler, grid_worker, shift_lead, leader):
    staff = {"intake_clerk": intake_clerk, "township_dispatcher": township_dispatcher,
             "department_handler": department_handler, "grid_worker": grid_worker, "shift_lead": shift_lead,
             "leader": leader}
    for key, person in staff.items():
        person.display_name = NAMES[key]
        person.save()
    return staff


def test_no_staff_name_username_or_phone_appears_on_the_tracking_page(client, reported_case, named,
                                                                      django_capture_on_commit_callbacks):
    case, s = reported_case, named
    with django_capture_on_commit_callbacks(execute=True):
        dispatch_to(case, s["intake_clerk"], s["township_dispatcher"], s["department_handler"])
        transition(case, "supervise", s["leader"], note="请尽快办理")
        assignment = case.assignments.get()
        transition(case, "accept", s["department_handler"], assignment=assignment)
        transition(case, "request_extension", s["department_handler"], assignment=assignment,
                   note="需要协调环卫车辆", amount=1)
        decide(Approval.objects.get(), True, s["township_dispatcher"], note="同意")
        handle_all(case, note="已组织清运")
        transition(case, "verify", s["grid_worker"])
        transition(case, "close", s["shift_lead"])

    look_up(client, case.number)
    html = client.get(reverse("public:case", args=[case.number])).content.decode()

    timeline = text_of(html, "timeline")
    assert "鼓楼街道综治中心" in timeline and s["department_handler"].assignments.get().department.name in timeline
    for person in s.values():
        assert person.display_name not in html
        assert person.username not in html
        assert person.phone not in html
