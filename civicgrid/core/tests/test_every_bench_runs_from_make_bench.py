"""`make bench` runs every script in bench/, each of which Python starts with bench/ first on sys.path."""

import re
import sys
from pathlib import Path

from django.conf import settings

BENCH = Path(settings.BASE_DIR) / "bench"


def benches() -> list[Path]:
    return sorted(path for path in BENCH.glob("*.py") if '__name__ == "__main__"' in path.read_text(encoding="utf-8"))


def test_no_file_in_bench_stands_in_for_a_standard_library_module():
    # A bench/queue.py once replaced the standard queue module in every bench (psycopg, logging and threads
    # import it), and bench/locate.py died at start-up on a fresh set-up.
    shadowing = [path.name for path in BENCH.glob("*.py") if path.stem in sys.stdlib_module_names]
    assert shadowing == []


def test_make_bench_runs_every_bench_script():
    makefile = (Path(settings.BASE_DIR) / "Makefile").read_text(encoding="utf-8")
    target = re.search(r"^bench:.*?\n((?:\t.*\n)+)", makefile, re.MULTILINE).group(1)
    assert benches() and all(f"bench/{path.name}" in target for path in benches())
