"""``ocpi roam``: run a whole roaming flow between simulated parties on loopback."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from ocpi_sdk.cli._common import UsageError
from ocpi_sdk.packages import sdk_versions


def register(commands: Any) -> None:
    from ocpi_sdk.sim.faults import DESCRIPTIONS

    parser: argparse.ArgumentParser = commands.add_parser(
        "roam",
        help="run a CPO and an eMSP (and a hub) on loopback and drive a roaming flow",
        description=(
            "Start a simulated CPO and eMSP (with --via-hub also a hub) on 127.0.0.1 and drive "
            "a whole roaming flow through the SDK's public clients: credentials handshake, "
            "version negotiation, Locations and Tariffs, a driver's Token, START_SESSION, "
            "Session updates, STOP_SESSION and the CDR checked against the Tariff. "
            "Exit 0 when every step passes, 1 otherwise."
        ),
        epilog="faults: " + "; ".join(f"{k}: {v}" for k, v in DESCRIPTIONS.items()),
    )
    parser.add_argument(
        "--version", default=sdk_versions()[-2] if len(sdk_versions()) > 1 else sdk_versions()[-1]
    )
    parser.add_argument("--via-hub", action="store_true", help="route everything through a hub")
    parser.add_argument(
        "--faults", default="", help="comma-separated fault names, or 'all' (listed below)"
    )
    parser.add_argument("--count", type=int, default=1, help="drivers charging at once")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--format", choices=("text", "json"), default="text")
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
    if args.via_hub and not _has_routing(args.version):
        raise UsageError(f"OCPI {args.version} has no hub routing headers; use 2.2.1 or later")

    def progress(line: str) -> None:
        if args.format == "text":
            print(line, file=sys.stderr, flush=True)

    report = roam(
        args.version,
        via_hub=args.via_hub,
        faults=chosen,
        seed=args.seed,
        count=args.count,
        progress=progress,
    )
    if args.format == "json":
        print(json.dumps(report.to_dict(), indent=2, default=str))
    else:
        print(report.text())
    return 0 if report.ok else 1


def _has_routing(version: str) -> bool:
    from ocpi_sdk.packages import package

    return bool(package(version).PROFILE.routing_headers)
