"""``ocpi roam``: run a whole roaming flow between simulated parties on loopback."""

from __future__ import annotations

import argparse
import contextlib
import json
import logging
import shutil
import signal
import sys
import threading
import warnings
from collections.abc import Iterator
from typing import Any

from ocpi_sdk.cli._common import UsageError, positive, require_extra
from ocpi_sdk.packages import sdk_versions


def register(commands: Any) -> None:
    """Add the ``roam`` sub-command to ``commands`` (an argparse sub-parsers object)."""
    require_extra("bench", "starlette", "uvicorn")
    from ocpi_sdk.sim.faults import DESCRIPTIONS

    parser: argparse.ArgumentParser = commands.add_parser(
        "roam",
        help="run a CPO and an eMSP (and a hub) on loopback and drive a roaming flow",
        description=(
            "Start a simulated CPO and eMSP (with --via-hub also a hub) on 127.0.0.1 and drive "
            "a whole roaming flow through the SDK's public clients: credentials handshake, "
            "version negotiation, Locations and Tariffs, a driver's Token, START_SESSION, "
            "Session updates, STOP_SESSION and the CDR checked against the Tariff. "
            "Progress shows on a terminal while it runs; the table of steps is printed at the end. "
            "Exit status: 0 every step passed, 1 a step failed, 2 usage error."
        ),
        epilog="faults: " + "; ".join(f"{k}: {v}" for k, v in DESCRIPTIONS.items()),
    )
    parser.add_argument(
        "--version",
        default=sdk_versions()[-2] if len(sdk_versions()) > 1 else sdk_versions()[-1],
        help=f"OCPI version: {', '.join(sdk_versions())}",
    )
    parser.add_argument("--via-hub", action="store_true", help="route everything through a hub")
    parser.add_argument(
        "--cpo-version",
        default=None,
        help=(
            "the CPO's OCPI version when it differs from --version (the eMSP's); needs "
            "--via-hub: the hub converts what it forwards and the report lists the losses"
        ),
    )
    parser.add_argument(
        "--faults", default="", help="comma-separated fault names, or 'all' (listed below)"
    )
    parser.add_argument("--count", type=positive, default=1, help="drivers charging at once")
    parser.add_argument("--seed", type=int, default=0, help="seed of the generated data")
    parser.add_argument("--format", choices=("text", "json"), default="text", help="output")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from ocpi_sdk.sim import faults
    from ocpi_sdk.sim.roam import roam

    if args.version not in sdk_versions():
        raise UsageError(f"unknown OCPI version {args.version}; known: {', '.join(sdk_versions())}")
    if args.count < 1:
        raise UsageError("--count must be at least 1")
    try:
        chosen = faults.parse(args.faults)
    except ValueError as exc:
        raise UsageError(str(exc)) from None
    cpo_version = args.cpo_version or args.version
    if cpo_version not in sdk_versions():
        raise UsageError(f"unknown OCPI version {cpo_version}; known: {', '.join(sdk_versions())}")
    if cpo_version != args.version and not args.via_hub:
        raise UsageError("--cpo-version other than --version needs --via-hub (the hub converts)")
    if args.via_hub and not (_has_routing(args.version) or _has_routing(cpo_version)):
        raise UsageError(f"OCPI {args.version} has no hub routing headers; use 2.2.1 or later")

    progress = _Progress(sys.stderr)
    try:
        with _interruptible():
            report = roam(
                args.version,
                via_hub=args.via_hub,
                faults=chosen,
                seed=args.seed,
                count=args.count,
                progress=progress,
                cpo_version=cpo_version,
            )
    finally:
        progress.clear()
    if args.format == "json":
        print(json.dumps(report.to_dict(), indent=2, default=str))
    else:
        print(report.text())
    return 0 if report.ok else 1


def _has_routing(version: str) -> bool:
    from ocpi_sdk.packages import package

    return bool(package(version).PROFILE.routing_headers)


@contextlib.contextmanager
def _interruptible() -> Iterator[None]:
    """Ctrl-C ends the run as interrupted (status 130) even where the flow would take the
    cancellation it causes for a failed step: remember it, and raise it again afterwards."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    interrupted = False

    def interrupt(signum: int, frame: Any) -> None:
        nonlocal interrupted
        interrupted = True
        # The servers' requests cut short and coroutines left unawaited by stopping are expected
        # now: keep them out of the one line an interrupted run prints.
        logging.getLogger("uvicorn.error").disabled = True
        warnings.simplefilter("ignore", RuntimeWarning)
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGINT, interrupt)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)
    if interrupted:
        raise KeyboardInterrupt


class _Progress:
    """Each step's result on one line of a terminal, overwritten by the next and cleared at the
    end, so that the table printed afterwards shows each step once; nothing when not a terminal."""

    def __init__(self, stream: Any) -> None:
        self.stream = stream
        self.live = bool(getattr(stream, "isatty", lambda: False)())
        self.steps = 0

    def __call__(self, line: str) -> None:
        if self.live:
            self.steps += 1
            width = shutil.get_terminal_size().columns - 1
            text = f"[{self.steps}] {line}"[:width]
            self.stream.write(f"\r\x1b[K{text}")
            self.stream.flush()

    def clear(self) -> None:
        if self.live and self.steps:
            self.stream.write("\r\x1b[K")
            self.stream.flush()
