"""``ocpi sim cpo|emsp|hub``: run one simulated party on loopback."""

from __future__ import annotations

import argparse
import contextlib
from typing import Any

from ocpi_sdk.cli._common import UsageError, port, require_extra
from ocpi_sdk.packages import sdk_versions

ROLES = {
    "cpo": (
        "a simulated Charge Point Operator: serves Locations, Tariffs, Sessions and CDRs of a "
        "generated network, takes Tokens and Commands (START_SESSION, STOP_SESSION, ...) and "
        "pushes Sessions and CDRs to the eMSP registered with it"
    ),
    "emsp": (
        "a simulated e-Mobility Service Provider: serves its Tokens, authorises them in real "
        "time and receives the Locations, Sessions and CDRs a CPO pushes"
    ),
    "hub": (
        "a simulated hub: CPOs and eMSPs register with it and it routes their requests by the "
        "OCPI-to/from routing headers (OCPI 2.2.1 and later)"
    ),
}


def register(commands: Any) -> None:
    """Add ``sim`` and its roles (``ocpi sim cpo --help`` describes the CPO) to ``commands``."""
    require_extra("bench", "starlette", "uvicorn")
    from ocpi_sdk.sim.faults import DESCRIPTIONS

    parser: argparse.ArgumentParser = commands.add_parser(
        "sim",
        help="run a simulated CPO, eMSP or hub on loopback",
        description=(
            "Start a simulated OCPI party on 127.0.0.1 and print its versions URL and the token A "
            "a partner registers with. Stop it with Ctrl-C. 'ocpi sim ROLE --help' describes "
            "each role."
        ),
    )
    roles = parser.add_subparsers(dest="role", required=True, metavar="ROLE")
    for role, description in ROLES.items():
        _add_role(roles, role, description, DESCRIPTIONS)


def _add_role(roles: Any, role: str, description: str, faults: dict[str, str]) -> None:
    parser: argparse.ArgumentParser = roles.add_parser(
        role,
        help=description.split(":")[0],
        description=(
            f"Start {description}, on 127.0.0.1. It prints its versions URL and the token A a "
            "partner registers with (single-use: the handshake replaces it), then serves until "
            "Ctrl-C. Exit status: 0 stopped with Ctrl-C, 2 usage error (port in use, bad option)."
        ),
        epilog="faults: " + "; ".join(f"{k}: {v}" for k, v in faults.items()),
    )
    parser.add_argument(
        "--port",
        type=port,
        default=8001,
        help="TCP port on 127.0.0.1, 0 for a free one (printed) (default: 8001)",
    )
    parser.add_argument(
        "--version",
        action="append",
        dest="versions",
        help=f"OCPI version to serve (repeatable; default all: {', '.join(sdk_versions())})",
    )
    parser.add_argument(
        "--faults", default="", help="comma-separated fault names, or 'all' (listed below)"
    )
    parser.add_argument("--seed", type=int, default=0, help="seed of the generated data")
    parser.add_argument(
        "--db",
        metavar="FILE",
        help="SQLite file keeping the state across restarts (default: memory)",
    )
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
    _check_db(args.db)
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


def _check_db(path: str | None) -> None:
    """Refuse, in one line, a ``--db`` file that cannot be created or opened."""
    if path is None:
        return
    import os

    folder = os.path.dirname(os.path.abspath(path))
    if not os.path.isdir(folder):
        raise UsageError(f"--db {path}: folder {folder} does not exist")
    if os.path.isdir(path):
        raise UsageError(f"--db {path}: is a folder, not a file")
    if not os.access(path if os.path.exists(path) else folder, os.W_OK):
        raise UsageError(f"--db {path}: not writable")
