"""Requests per second and p50/p95/p99 of each ``ocpi load`` profile against our simulators on
this machine, with 1 and then 2 Locust worker processes.

    PYTHONPATH=sdk python bench/load.py [--run-time 20s] [--users 20]

Each run is ``ocpi load --sim ROLE --profile NAME --rate 0`` (users unpaced: the ceiling, not
the profile's modelled rate); the figures are Locust's own aggregated CSV row. The simulator
runs in the ``ocpi load`` process, so it shares the machine's cores with the load generators.
"""

from __future__ import annotations

import argparse
import csv
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RUNS = (("full-sync", "cpo"), ("status-storm", "emsp"), ("sessions-day", "cpo"), ("mixed", "cpo"))


def run(profile: str, sim: str, workers: int, users: int, run_time: str) -> dict[str, str]:
    """One run; Locust's Aggregated row (plus the exit status) as a dict."""
    with tempfile.TemporaryDirectory() as folder:
        prefix = str(Path(folder, "stats"))
        env = dict(os.environ, PYTHONPATH=str(ROOT / "sdk"))
        done = subprocess.run(
            [sys.executable, "-m", "ocpi_sdk.cli", "load", "--sim", sim, "--profile", profile,
             "--users", str(users), "--spawn-rate", str(users), "--run-time", run_time,
             "--rate", "0", "--workers", str(workers), "--csv", prefix],
            capture_output=True, text=True, env=env, timeout=600,
        )  # fmt: skip
        with open(f"{prefix}_stats.csv", encoding="utf-8") as handle:
            rows = list(csv.DictReader(handle))
    total = next(r for r in rows if r["Name"] == "Aggregated")
    total["exit"] = str(done.returncode)
    return total


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--run-time", default="20s")
    parser.add_argument("--users", type=int, default=20)
    args = parser.parse_args()
    print(f"{args.users} users, {args.run_time} per run, unpaced, on {os.cpu_count()} cores")
    header = f"{'profile':13} {'sim':5} {'workers':>7} {'req/s':>7} {'p50':>5} {'p95':>5} "
    print(header + f"{'p99':>5} {'requests':>8} {'failures':>8} exit")
    for profile, sim in RUNS:
        for workers in (1, 2):
            row = run(profile, sim, workers, args.users, args.run_time)
            print(
                f"{profile:13} {sim:5} {workers:>7} {float(row['Requests/s']):>7.1f} "
                f"{row['50%']:>5} {row['95%']:>5} {row['99%']:>5} {row['Request Count']:>8} "
                f"{row['Failure Count']:>8} {row['exit']}",
                flush=True,
            )


if __name__ == "__main__":
    main()
