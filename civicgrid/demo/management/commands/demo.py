import multiprocessing
from concurrent.futures import ProcessPoolExecutor
from contextlib import nullcontext

from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import connections
from django.utils.translation import gettext as _

from civicgrid.demo import geography


class Command(BaseCommand):
    help = "Migrate the database, load the demo city 榆林市 and serve it, in one process (what `make demo` runs)."

    # One process instead of three (migrate, load_demo, runserver): Django starts once and the system checks
    # run once, in migrate, before anything is written; the demo's own commands are the same.
    requires_system_checks = []

    def add_arguments(self, parser):
        parser.add_argument("addrport", nargs="?", default="127.0.0.1:8000", help="where to serve (host:port)")

    def handle(self, *args, **options):
        # Where processes cannot be forked (Windows), the outlines are drawn in turn, as load_demo alone does.
        drawing = not geography.grids_loaded() and "fork" in multiprocessing.get_all_start_methods()
        connections.close_all()  # the drawing process is forked: it must not share a database connection
        pool = ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("fork")) if drawing else nullcontext()
        with pool:
            if drawing:
                geography.prepare_synthetic_grids(pool)
            call_command("migrate", interactive=False, skip_checks=False, verbosity=options["verbosity"])
            call_command("load_demo", verbosity=options["verbosity"])
        self.stdout.write(_("civicgrid 已在 http://%(addr)s 运行（按 Ctrl-C 停止）。") % {"addr": options["addrport"]})
        # The system checks ran once, in migrate, on the same code: the server need not run them again.
        call_command("runserver", options["addrport"], use_reloader=False, skip_checks=True)
