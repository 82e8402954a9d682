"""``ocpi sim cpo|emsp|hub``: run one simulated party on loopback."""

from __future__ import annotations

import argparse
import contextlib
from typing import Any

from ocpi_sdk.cli._common import UsageError
from ocpi_sdk.packages import sdk_versions


def register(commands: Any) -> None:
    from ocpi_sdk.sim.faults import DESCRIPTIONS

    parser: argparse.ArgumentParser = commands.add_parser(
        "sim",
        help="run a simulated CPO, eMSP or hub on loopback",
        description=(
            "Start a simulated OCPI party on 127.0.0.1 and print its versions URL and the token A "
            "a partner registers with. Stop it with Ctrl-C."
        ),
        epilog="faults: " + "; ".join(f"{k}: {v}" for k, v in DESCRIPTIONS.items()),
    )
    parser.add_argument("role", choices=("cpo", "emsp", "hub"))
    parser.add_argument("--port", type=int, default=8001, help="0 picks a free port (printed)")
    parser.add_argument(
        "--version",
        action="append",
        dest="versions",
        help=f"OCPI version to serve (repeatable; default all: {', '.join(sdk_versions())})",
    )
    parser.add_argument(
        "--faults", default="", help="comma-separated fault names, or 'all' (listed below)"
    )
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--db", help="SQLite file keeping the state across restarts")
    parser.add_argument("--token", help="token A to accept (default: a new random one)")
    parser.add_argument(
        "--log-requests",
        action="store_true",
        help="print one line per request: method, path, HTTP and OCPI status, time, party",
    )
    parser.set_defaults(run=run)


def build_platform(args: argparse.Namespace) -> Any:
    from ocpi_sdk.sim import faults
    from ocpi_sdk.sim.hub import unsupported_versions
    from ocpi_sdk.sim.platform import Platform, SimConfig

    versions = tuple(args.versions or sdk_versions())
    unknown = [v for v in versions if v not in sdk_versions()]
    if unknown:
        raise UsageError(f"unknown OCPI version {unknown[0]}; known: {', '.join(sdk_versions())}")
    if args.role == "hub":
        refused = unsupported_versions(versions)
        if args.versions and refused:
            raise UsageError(
                f"a hub cannot serve OCPI {', '.join(refused)}: it has no routing headers "
                "(OCPI-to-*), so a hub cannot tell where a request goes; use 2.2.1 or 2.3.0"
            )
        versions = tuple(v for v in versions if v not in refused)
    try:
        chosen = faults.parse(args.faults)
    except ValueError as exc:
        raise UsageError(str(exc)) from None
    platform = Platform(
        SimConfig(
            role=args.role.upper(),
            versions=versions,
            faults=chosen,
            seed=args.seed,
            db_path=args.db,
        )
    )
    if args.token:
        platform.partners.discard_token_a(platform.token_a)
        platform.token_a = platform.partners.issue_token_a(args.token)
    return platform


def run(args: argparse.Namespace) -> int:
    from ocpi_sdk.sim.seed import seed_platform
    from ocpi_sdk.sim.serve import LOOPBACK, bind, serve_forever

    platform = build_platform(args)
    try:
        sock = bind(LOOPBACK, args.port)
    except OSError as exc:
        raise UsageError(
            f"cannot listen on {LOOPBACK}:{args.port}: {exc.strerror or exc}"
        ) from None
    port = sock.getsockname()[1]
    platform.base_url = f"http://{LOOPBACK}:{port}"
    if platform.store.empty():  # restarted from --db: keep what is there
        seed_platform(platform)
    if args.log_requests:
        platform.request_log = _print_request
    print(f"{platform.config.name} ({', '.join(platform.versions)})", flush=True)
    print(f"versions URL: {platform.versions_url}", flush=True)
    print(f"token A:      {platform.token_a}", flush=True)
    print(f"port:         {port}", flush=True)
    with contextlib.suppress(KeyboardInterrupt):
        serve_forever(platform, sock)
    return 0


def _print_request(entry: Any) -> None:
    """One line per request (the path only: tokens never appear in it)."""
    ocpi = entry.ocpi_status if entry.ocpi_status is not None else "-"
    party = entry.party or "-"
    print(
        f"{entry.method:6} {entry.path} {entry.http_status} {ocpi} "
        f"{entry.seconds * 1000:.1f}ms {party}",
        flush=True,
    )
