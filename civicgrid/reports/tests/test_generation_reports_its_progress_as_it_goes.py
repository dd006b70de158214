"""A report being generated says how far it is (done of total steps) on its small JSON answer, which the list
page polls; a failure is kept with its reason and the report can be asked for again."""

import pytest

from civicgrid.reports import content, services
from civicgrid.reports.choices import JobStatus, PeriodKind
from civicgrid.reports.models import Report


@pytest.fixture
def queued(last_month, centres, month):
    return services.ensure(centres["township_a"], PeriodKind.MONTH, month)[0]


def test_a_queued_report_answers_queued_with_no_progress(client, shift_lead, queued):
    client.force_login(shift_lead)
    assert client.get(f"/reports/{queued.pk}/progress/").json() == {
        "status": "queued", "label": "排队中", "done": 0, "total": 0, "percent": None, "message": ""}


def test_the_row_holds_each_section_done_while_the_work_runs(queued, monkeypatch):
    seen = []
    original = content.SECTIONS

    def watching(contents):
        row = Report.objects.get(pk=queued.pk)
        seen.append((row.status, row.done, row.total))

    monkeypatch.setattr(content, "SECTIONS", (*original[:3], watching, *original[3:]))
    monkeypatch.setattr(services, "STEPS", len(original) + 3)
    services.generate(queued.pk)
    assert seen == [(JobStatus.RUNNING, 3, len(original) + 3)]
    assert Report.objects.get(pk=queued.pk).done == len(original) + 3


def test_a_failure_is_kept_with_its_reason_and_may_be_asked_again(client, shift_lead, queued, monkeypatch,
                                                                  django_capture_on_commit_callbacks):
    def broken(contents):
        raise OSError("磁盘已满")

    monkeypatch.setattr(content, "SECTIONS", (broken,))
    assert services.generate(queued.pk) == JobStatus.FAILED
    client.force_login(shift_lead)
    assert client.get(f"/reports/{queued.pk}/progress/").json()["message"] == "磁盘已满"
    monkeypatch.undo()
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(f"/reports/{queued.pk}/again/").status_code == 302
    assert Report.objects.get(pk=queued.pk).status == JobStatus.READY


def test_a_report_already_taken_by_a_worker_is_not_run_twice(queued):
    assert services.generate(queued.pk) == JobStatus.READY
    assert services.generate(queued.pk) == "taken"
