"""Shared by the benchmarks: where the spec examples are, and a timer."""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = Path(os.environ.get("OCPI_EXAMPLES", ROOT.parent / "shared" / "ocpi-examples"))


ROUNDS = int(os.environ.get("BENCH_ROUNDS", "5"))


def rate(run: Callable[[], object], n: int, rounds: int = ROUNDS) -> float:
    """Calls per second of ``run``: the best of ``rounds`` rounds of ``n // rounds`` calls each
    (as ``timeit`` does: the best round is the one least disturbed by the rest of the machine)."""
    run()
    per_round = max(n // rounds, 1)
    best = float("inf")
    for _ in range(rounds):
        start = time.perf_counter()
        for _ in range(per_round):
            run()
        best = min(best, time.perf_counter() - start)
    return per_round / best


def seconds(run: Callable[[], object], rounds: int = 3) -> float:
    """The best wall time of ``rounds`` calls of ``run``."""
    best = float("inf")
    for _ in range(rounds):
        start = time.perf_counter()
        run()
        best = min(best, time.perf_counter() - start)
    return best
