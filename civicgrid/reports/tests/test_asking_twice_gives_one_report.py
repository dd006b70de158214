"""A report asked for twice, one after the other or at the same instant, is one row with one set of files; asking
again for a finished report generates it again under the same names."""

import threading

import pytest
from django.db import connection
from django.utils import timezone

from civicgrid.reports import services
from civicgrid.reports.choices import JobStatus, PeriodKind
from civicgrid.reports.models import Report


def test_asking_twice_names_the_same_report_and_queues_it_once(last_month, centres, month, shift_lead,
                                                              django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks() as queued:
        first, first_queued = services.request(shift_lead, centres["township_a"], PeriodKind.MONTH, month.start)
        second, second_queued = services.request(shift_lead, centres["township_a"], PeriodKind.MONTH, month.end)
    assert first.pk == second.pk and (first_queued, second_queued) == (True, False)
    assert len(queued) == 1 and Report.objects.count() == 1


def test_asking_again_for_a_ready_report_replaces_its_files(last_month, centres, month, shift_lead,
                                                            django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        report, _queued = services.request(shift_lead, centres["township_a"], PeriodKind.MONTH, month.start)
    report.refresh_from_db()
    names, generated = (report.xlsx.name, report.pdf.name), report.generated_at
    with django_capture_on_commit_callbacks(execute=True):
        services.request(shift_lead, centres["township_a"], PeriodKind.MONTH, month.start)
    report.refresh_from_db()
    assert report.status == JobStatus.READY and report.generated_at > generated
    assert (report.xlsx.name, report.pdf.name) == names
    assert sorted(report.xlsx.storage.listdir("reports/610802001")[1]) == sorted(name.rsplit("/", 1)[1]
                                                                                 for name in names)


def test_a_report_lost_with_its_worker_may_be_asked_for_again(last_month, centres, month, shift_lead,
                                                             django_capture_on_commit_callbacks):
    report, _queued = services.ensure(centres["township_a"], PeriodKind.MONTH, month)
    Report.objects.filter(pk=report.pk).update(status=JobStatus.RUNNING,
                                               requested_at=timezone.now() - services.STALE_AFTER)
    with django_capture_on_commit_callbacks() as queued:
        assert services.request(shift_lead, centres["township_a"], PeriodKind.MONTH, month.start)[1]
    assert len(queued) == 1 and Report.objects.get(pk=report.pk).status == JobStatus.QUEUED


@pytest.mark.django_db(transaction=True)
def test_two_requests_at_the_same_instant_make_one_report(yulin, centres, month, shift_lead):
    barrier, found, errors = threading.Barrier(2), [], []

    def ask():
        try:
            barrier.wait()
            found.append(services.ensure(centres["township_a"], PeriodKind.MONTH, month, shift_lead))
        except Exception as error:  # reported below: a thread's exception would otherwise be lost
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=ask) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == [] and Report.objects.count() == 1
    assert {report.pk for report, _queued in found} == {Report.objects.get().pk}
    assert sorted(queued for _report, queued in found) == [False, True]
