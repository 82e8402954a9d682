"""Shared by the benchmarks: where the spec examples are, and a timer."""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = Path(os.environ.get("OCPI_EXAMPLES", ROOT.parent / "shared" / "ocpi-examples"))


ROUNDS = int(os.environ.get("BENCH_ROUNDS", "5"))

clock = time.process_time
"""CPU time of this process: the benchmarks are CPU-bound (in-process transports, no I/O), and
CPU time keeps their ratios steady on a machine shared with other work, where wall time does
not (``BENCH_CLOCK=wall`` measures wall time instead)."""
if os.environ.get("BENCH_CLOCK") == "wall":
    clock = time.perf_counter


def rate(run: Callable[[], object], n: int, rounds: int = ROUNDS) -> float:
    """Calls per second of ``run``: the best of ``rounds`` rounds of ``n // rounds`` calls each
    (as ``timeit`` does: the best round is the one least disturbed by the rest of the machine)."""
    run()
    per_round = max(n // rounds, 1)
    best = float("inf")
    for _ in range(rounds):
        start = clock()
        for _ in range(per_round):
            run()
        best = min(best, clock() - start)
    return per_round / best


def seconds(run: Callable[[], object], rounds: int = 3) -> float:
    """The best wall time of ``rounds`` calls of ``run``."""
    best = float("inf")
    for _ in range(rounds):
        start = clock()
        run()
        best = min(best, clock() - start)
    return best
