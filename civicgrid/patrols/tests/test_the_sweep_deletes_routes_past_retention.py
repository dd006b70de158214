from datetime import timedelta

from django.utils import timezone

from civicgrid.core import scheduler
from civicgrid.patrols import routes, tasks
from civicgrid.patrols.models import Route, RoutePoint


def test_the_sweep_deletes_old_routes_with_their_positions_and_keeps_recent_ones(patrol, grid_worker):
    old = routes.start(grid_worker, patrol.shift)
    routes.record(grid_worker, old, [(timezone.now(), 109.705, 38.285)])
    routes.stop(grid_worker, old)
    recent = routes.start(grid_worker, patrol.shift)
    Route.objects.filter(pk=old.pk).update(started_at=timezone.now() - timedelta(days=91))
    assert tasks.sweep_routes.call() == 1
    assert list(Route.objects.all()) == [recent]
    assert not RoutePoint.objects.exists()


def test_the_scheduler_runs_the_sweep_nightly():
    job = next(job for job in scheduler.JOBS if job.id == "sweep_patrol_routes")
    assert job.task == "civicgrid.patrols.tasks.sweep_routes" and job.cron() == "40 2 * * *"
    assert scheduler.build(scheduler_class=scheduler.BlockingScheduler).get_job("sweep_patrol_routes")
