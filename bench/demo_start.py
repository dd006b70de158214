"""Benchmark `make demo`: seconds from the command's start to the first page it serves, on a fresh database.

Run from the repository root of a set-up checkout (after `make setup`):

    .venv/bin/python bench/demo_start.py [--runs N]

Each run starts `make demo` in a process group of its own, with a fresh SQLite database in a temporary
folder (DATABASE_URL) and the server on a free loopback port (DEMO_ADDR), polls /healthz until it answers
200, then stops that process group (and nothing else) and removes the folder. It prints each run's seconds
and the slowest phases `load_demo` reported, then the median; the last line printed is one JSON object.
"""

import argparse
import json
import os
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LIMIT_S = 300
POLL_S = 0.1


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="how many times to start the demo (default 3)")
    return parser.parse_args()


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def serves(port: int) -> bool:
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=1) as answer:
            return answer.status == 200
    except OSError:
        return False


def one_run(number: int) -> float:
    """Seconds until the demo served /healthz; its output is kept in the run's log until the folder goes."""
    folder, port = Path(tempfile.mkdtemp(prefix="civicgrid-demo-")), free_port()
    env = dict(os.environ, DATABASE_URL=f"sqlite:///{folder / 'demo.sqlite3'}", DEMO_ADDR=f"127.0.0.1:{port}")
    log = folder / "make-demo.log"
    with open(log, "w") as out:
        started = time.perf_counter()
        process = subprocess.Popen(["make", "demo"], cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT,
                                   start_new_session=True)
    try:
        seconds = wait_until_served(process, port, started, log)
        print(f"run {number}: served after {seconds:.1f} s; {phases(log)}", flush=True)
        return seconds
    finally:
        stop(process)
        shutil.rmtree(folder, ignore_errors=True)


def wait_until_served(process, port: int, started: float, log: Path) -> float:
    while not serves(port):
        if process.poll() is not None:
            raise RuntimeError(f"make demo exited with {process.returncode}:\n{log.read_text()[-3000:]}")
        if time.perf_counter() - started > LIMIT_S:
            raise RuntimeError(f"make demo did not serve within {LIMIT_S} s:\n{log.read_text()[-3000:]}")
        time.sleep(POLL_S)
    return time.perf_counter() - started


def stop(process) -> None:
    """The run's own process group (make, manage.py, runserver), and no other process."""
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()


def phases(log: Path) -> str:
    """What load_demo said it spent on its cases (the one phase it times itself)."""
    found = re.findall(r"用时 (\d+) 秒", log.read_text(encoding="utf-8", errors="replace"))
    return f"demo cases {found[-1]} s" if found else "no timing in the log"


def main():
    args = parse_args()
    runs = [one_run(n) for n in range(1, args.runs + 1)]
    print(f"make demo served its first page after {statistics.median(runs):.1f} s (median of {len(runs)}; "
          f"{', '.join(f'{s:.1f}' for s in runs)} s)")
    print(json.dumps({"bench": "demo_start", "median_s": round(statistics.median(runs), 1),
                      "runs_s": [round(s, 1) for s in runs]}))


if __name__ == "__main__":
    sys.exit(main())
