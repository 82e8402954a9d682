"""Shared by the benchmarks: where the spec examples are, and a timer."""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = Path(os.environ.get("OCPI_EXAMPLES", ROOT.parent / "shared" / "ocpi-examples"))


def rate(run: Callable[[], object], n: int) -> float:
    """Calls per second of ``run`` over ``n`` calls, after one warm-up call."""
    run()
    start = time.perf_counter()
    for _ in range(n):
        run()
    return n / (time.perf_counter() - start)


def seconds(run: Callable[[], object]) -> float:
    start = time.perf_counter()
    run()
    return time.perf_counter() - start
