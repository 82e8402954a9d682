"""Start-up time: ``import ocpi_sdk`` and ``ocpi --help`` against ``python -c pass``.

Each command runs in a fresh interpreter (best of ROUNDS runs, wall time, in the same run as the
baseline); the ratio is against starting Python and doing nothing. Aim (issue #17): both under
0.3 s, so that the simulators, the web stack and unused versions load only when used. Also
lists whether the web stack was imported, which it must not be for a pure SDK user.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time

from _common import ROOT, ROUNDS

COMMANDS = {
    "python -c pass": ["-c", "pass"],
    "import ocpi_sdk": ["-c", "import ocpi_sdk"],
    "ocpi --help": ["-c", "import sys; from ocpi_sdk.cli import main; sys.exit(main(['--help']))"],
    "ocpi validate --help": ["-m", "ocpi_sdk.cli", "validate", "--help"],
    "import ocpi_sdk.v2_2_1": ["-c", "import ocpi_sdk.v2_2_1"],
    "ocpi_sdk.connect (negotiation)": ["-c", "import ocpi_sdk; ocpi_sdk.connect"],
}
WEB = "import sys, ocpi_sdk.cli; ocpi_sdk.connect; ocpi_sdk.register; print(sorted({m.split('.')[0] for m in sys.modules} & {'starlette', 'uvicorn', 'locust'}))"  # noqa: E501


def wall(argv: list[str]) -> float:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "sdk")}
    best = float("inf")
    for _ in range(ROUNDS):
        start = time.perf_counter()
        subprocess.run([sys.executable, *argv], env=env, check=True, stdout=subprocess.DEVNULL)
        best = min(best, time.perf_counter() - start)
    return best


def main() -> None:
    baseline = wall(COMMANDS["python -c pass"])
    print(f"{'command':34} {'seconds':>8} {'ratio':>7}")
    for name, argv in COMMANDS.items():
        took = baseline if name == "python -c pass" else wall(argv)
        print(f"{name:34} {took:8.3f} {took / baseline:6.1f}x")
    env = {**os.environ, "PYTHONPATH": str(ROOT / "sdk")}
    loaded = subprocess.run(
        [sys.executable, "-c", WEB], env=env, check=True, capture_output=True, text=True
    ).stdout.strip()
    print(f"web stack imported by the SDK's top level and the CLI's start: {loaded}")


if __name__ == "__main__":
    main()
