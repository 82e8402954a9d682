"""Loading and dumping models against plain ``json.loads``/``json.dumps`` of the same bytes.

Loads and dumps the spec's Location and CDR examples (2.2.1) N times each, and prints objects per
second for the SDK and for the plain baseline, measured in the same run, and their ratio.
Aim (issue #3): loading at most 2.5x ``json.loads``, dumping at most 2.5x ``json.dumps``.
"""

from __future__ import annotations

import json
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path

from ocpi_sdk.v2_2_1 import CDR, Location, dumps, loads

N = int(os.environ.get("BENCH_N", "20000"))
EXAMPLES = Path(
    os.environ.get(
        "OCPI_EXAMPLES", Path(__file__).resolve().parents[2] / "shared" / "ocpi-examples"
    )
)


def rate(run: Callable[[], object], n: int) -> float:
    run()  # warm up
    start = time.perf_counter()
    for _ in range(n):
        run()
    return n / (time.perf_counter() - start)


def main() -> int:
    results = []
    for name, cls, file in (
        ("Location", Location, "location_example.json"),
        ("CDR", CDR, "cdr_example.json"),
    ):
        raw = (EXAMPLES / "2.2.1" / file).read_bytes()
        model = loads(raw, cls)
        plain = json.loads(raw)
        sdk_load = rate(lambda raw=raw, cls=cls: loads(raw, cls), N)
        base_load = rate(lambda raw=raw: json.loads(raw), N)
        sdk_dump = rate(lambda model=model: dumps(model), N)
        base_dump = rate(lambda plain=plain: json.dumps(plain), N)
        for op, sdk, base in (("load", sdk_load, base_load), ("dump", sdk_dump, base_dump)):
            ratio = base / sdk
            results.append(ratio)
            print(
                f"{name:8} {op}: sdk {sdk:10,.0f}/s  plain json {base:10,.0f}/s  "
                f"ratio {ratio:.2f}x (aim <= 2.5x)"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
