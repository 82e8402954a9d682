"""``ocpi load``: load an OCPI platform (or our simulator) at network scale on Locust."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from ocpi_sdk.cli._common import UsageError

EXIT_CANNOT_START = 2


def register(commands: Any) -> None:
    from ocpi_sdk.load.profile import profile_names

    parser: argparse.ArgumentParser = commands.add_parser(
        "load",
        help="load a CPO or eMSP platform at network scale (Locust)",
        description=(
            "Play the counterpart of the system under test through the SDK's clients: register "
            "(or with --registered, negotiate) ONCE, then Locust users share the connection's "
            "endpoints and token and make the profile's requests. Prints Locust's statistics "
            "and the OCPI outcomes. Exit 0 when there were no failures and no invalid objects, "
            "1 otherwise, 2 when the run cannot start. Needs pip install 'ocpi-sdk[load]'."
        ),
    )
    parser.add_argument("versions_url", nargs="?", help="versions URL of the system under test")
    parser.add_argument("--token", help="token A to register with (token C with --registered)")
    parser.add_argument("--role", choices=("cpo", "emsp"), help="role of the system under test")
    parser.add_argument(
        "--sim", choices=("cpo", "emsp"), help="start our simulator of this role and load it"
    )
    parser.add_argument(
        "--profile", default="mixed", help=f"{', '.join(profile_names())} or a .json file"
    )
    parser.add_argument("--users", type=int, default=20)
    parser.add_argument("--spawn-rate", type=float, default=20.0)
    parser.add_argument("--run-time", default="60s", help="e.g. 30s, 10m, 1h (every run ends)")
    parser.add_argument(
        "--rate", type=float, help="requests/s per user (default: the profile's; 0 = unpaced)"
    )
    parser.add_argument("--workers", type=int, default=0, help="local Locust worker processes")
    parser.add_argument("--master-host", help="join the Locust master on this host as workers")
    parser.add_argument(
        "--expect-workers",
        type=int,
        default=0,
        help="workers in all (local and joining from other machines) the master waits for",
    )
    parser.add_argument(
        "--master-port", type=int, default=0, help="master's port (default 5557 across machines)"
    )
    parser.add_argument("--html", help="write Locust's HTML report here")
    parser.add_argument("--csv", help="write Locust's CSV statistics with this prefix")
    parser.add_argument("--version", help="OCPI version to use (default: the best common one)")
    parser.add_argument("--registered", action="store_true", help="--token is already token C")
    parser.add_argument(
        "--callback-host",
        default="127.0.0.1",
        help="address our counterpart listens on for the partner's callbacks (default loopback)",
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from ocpi_sdk.load.run import INSTALL_HINT, LoadOptions, locust_available, run_locust, verdict

    if not locust_available():
        print(f"ocpi load: {INSTALL_HINT}", file=sys.stderr)
        return EXIT_CANNOT_START
    if args.users < 1 or args.workers < 0:
        raise UsageError("--users must be at least 1 and --workers at least 0")
    options = LoadOptions(
        users=args.users,
        spawn_rate=args.spawn_rate,
        run_time=args.run_time,
        workers=args.workers,
        master_host=args.master_host,
        master_port=args.master_port,
        expect_workers=args.expect_workers,
        html=args.html,
        csv=args.csv,
    )
    if args.master_host:  # a worker: the master sends the setup
        status, _ = run_locust(None, options)
        return status
    sut, prepared = _start(args)
    try:
        prepared.setup["rate_per_user"] = (
            args.rate if args.rate is not None else prepared.setup["profile"]["rate_per_user"]
        )
        status, result = run_locust(prepared.setup, options)
    finally:  # the system under test first: its background pushes go to our counterpart
        if sut is not None:
            sut.stop()
        prepared.close()
    if result is None:
        print("ocpi load: Locust ended without a result", file=sys.stderr)
    else:
        from ocpi_sdk.load.outcomes import summary_text

        print(summary_text(result), flush=True)
    return verdict(status, result)


def _start(args: argparse.Namespace) -> tuple[Any, Any]:
    """The simulator under test (with --sim) and the prepared run; exits 2 when they fail."""
    from ocpi_sdk.errors import OcpiError
    from ocpi_sdk.load.profile import load_profile
    from ocpi_sdk.load.setup import prepare

    try:
        profile = load_profile(args.profile)
    except (ValueError, OSError) as exc:
        raise UsageError(str(exc)) from None
    sut = None
    if args.sim:
        if args.versions_url or args.token:
            raise UsageError("--sim starts its own system under test: no URL or --token")
        sut = _simulator(args.sim, args.version)
        url, token, role = sut.platform.versions_url, sut.platform.token_a, args.sim
    else:
        if not (args.versions_url and args.token and args.role):
            raise UsageError("give VERSIONS_URL, --token and --role (or --sim cpo|emsp)")
        url, token, role = args.versions_url, args.token, args.role
    try:
        prepared = prepare(
            url,
            token,
            role=role,
            profile=profile,
            version=args.version,
            registered=args.registered,
            callback_host=args.callback_host,
        )
    except ValueError as exc:
        if sut is not None:
            sut.stop()
        raise UsageError(str(exc)) from None
    except OcpiError as exc:
        if sut is not None:
            sut.stop()
        raise UsageError(f"cannot connect to the system under test: {exc}") from None
    return sut, prepared


def _simulator(role: str, version: str | None) -> Any:
    from ocpi_sdk.packages import sdk_versions
    from ocpi_sdk.sim.platform import Platform, SimConfig
    from ocpi_sdk.sim.seed import seed_platform
    from ocpi_sdk.sim.serve import RunningServer

    if version is not None and version not in sdk_versions():
        raise UsageError(f"unknown OCPI version {version}; known: {', '.join(sdk_versions())}")
    versions = (version,) if version else sdk_versions()
    platform = Platform(SimConfig(role=role.upper(), versions=tuple(versions), locations=100))
    seed_platform(platform)
    return RunningServer(platform).start()
