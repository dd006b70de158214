"""Benchmark point → grid location over the synthetic grids of 榆林市 (6108).

Run from the repository root:

    .venv/bin/python bench/locate.py [--points N]

Needs no Django settings and no database: the grid outlines come from
civicgrid.geo.synthetic (SYNTHETIC geometry inside the real county outlines),
and GridIndex is used directly. The last line printed is one JSON object, so
other tools can read the figures without parsing the prose above it.
"""

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import numpy as np  # noqa: E402
import shapely  # noqa: E402

from civicgrid.geo import synthetic  # noqa: E402
from civicgrid.geo.locator import GridIndex  # noqa: E402

CITY = "6108"
MIN_GRIDS = 10_000
SEED = 20240601
RUNS = 3
SINGLE_CALLS = 10_000


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--points", type=int, default=1_000_000, help="random points per batch run")
    args = parser.parse_args()
    if args.points < 1:
        parser.error("--points must be at least 1")
    return args


def build_grids():
    """Codes and polygons of at least MIN_GRIDS synthetic grids, and how long generating took."""
    counties, townships, communities = synthetic.load_city(ROOT / "data", CITY)
    started = time.perf_counter()
    city = synthetic.generate(counties, townships, communities)
    if len(city.grids) < MIN_GRIDS:
        # The default 2-6 grids per community fell short: ask for enough per community.
        per_community = -(-MIN_GRIDS // sum(map(len, communities.values())))
        city = synthetic.generate(counties, townships, communities, grids_per_community=per_community)
    elapsed = time.perf_counter() - started
    codes = sorted(city.grids)
    assert len(codes) >= MIN_GRIDS, len(codes)
    return codes, [city.grids[code] for code in codes], elapsed


def random_points(geometries, count: int):
    """``count`` points drawn uniformly over the bounding box of all grids, fixed seed."""
    xmin, ymin, xmax, ymax = shapely.total_bounds(geometries)
    rng = np.random.default_rng(SEED)
    return rng.uniform(xmin, xmax, count), rng.uniform(ymin, ymax, count)


def best_rate(work, count: int) -> float:
    """Points per second of the fastest of RUNS calls of ``work``."""
    best = float("inf")
    for _ in range(RUNS):
        started = time.perf_counter()
        work()
        best = min(best, time.perf_counter() - started)
    return count / best


def single_latencies_ms(index, lons, lats) -> np.ndarray:
    """Wall time of each of SINGLE_CALLS locate_one calls, in milliseconds."""
    times = np.empty(SINGLE_CALLS)
    for i in range(SINGLE_CALLS):
        started = time.perf_counter()
        index.locate_one(lons[i], lats[i])
        times[i] = time.perf_counter() - started
    return times * 1000


def batch_rates(index, lons, lats) -> tuple[float, float]:
    """Points/s of GridIndex.locate_many and of a bare STRtree over the same polygons."""
    located = index.locate_many(lons, lats)  # doubles as an untimed warm-up
    inside = np.count_nonzero(located != None)  # noqa: E711 - elementwise on an object array
    print(f"points: {len(lons):,} uniform in the bounding box, {inside / len(lons):.1%} land in a grid")
    rate = best_rate(lambda: index.locate_many(lons, lats), len(lons))
    # The bare tree is the floor: the ratio is what GridIndex's own bookkeeping costs.
    bare = shapely.STRtree(index.geometries)
    bare_rate = best_rate(lambda: bare.query(shapely.points(lons, lats), predicate="within"), len(lons))
    print(f"GridIndex.locate_many: {rate:,.0f} points/s (best of {RUNS})")
    print(f"bare STRtree.query:    {bare_rate:,.0f} points/s (best of {RUNS}), ratio {rate / bare_rate:.3f}")
    return rate, bare_rate


def single_p99_ms(index) -> float:
    """p99 latency of locate_one, on points of its own so a small --points still gives a full sample."""
    latencies = single_latencies_ms(index, *random_points(index.geometries, SINGLE_CALLS))
    p50, p99 = np.percentile(latencies, [50, 99])
    print(f"GridIndex.locate_one:  p50 {p50:.4f} ms, p99 {p99:.4f} ms over {SINGLE_CALLS:,} calls")
    return float(p99)


def main():
    args = parse_args()
    codes, geometries, generate_s = build_grids()
    print(f"grids: {len(codes):,} synthetic grids of {CITY}, generated in {generate_s:.2f} s")
    index = GridIndex(codes, geometries, region_name="榆林市")
    rate, bare_rate = batch_rates(index, *random_points(index.geometries, args.points))
    p99 = single_p99_ms(index)
    print(json.dumps({
        "bench": "locate",
        "grids": len(codes),
        "points_per_s": round(rate),
        "ratio_vs_bare_strtree": round(rate / bare_rate, 3),
        "p99_single_ms": round(p99, 4),
    }))


if __name__ == "__main__":
    main()
