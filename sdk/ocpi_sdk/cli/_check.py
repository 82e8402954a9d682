"""``ocpi check``: test a live OCPI platform (CPO, eMSP or hub) against the spec."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from ocpi_sdk.cli._common import UsageError

EXIT_CANNOT_START = 2


def register(commands: Any) -> None:
    parser: argparse.ArgumentParser = commands.add_parser(
        "check",
        help="test a live platform (CPO, eMSP or hub) against the spec",
        description=(
            "Run conformance checks (read-only: GETs and deliberately unauthenticated requests) "
            "or, with --mode active, register with TOKEN as token A and run the roaming "
            "scenarios of the role. Exit 0 when no required check fails, 1 when one does, "
            "2 when the run cannot start."
        ),
    )
    parser.add_argument("versions_url", nargs="?", metavar="VERSIONS_URL")
    parser.add_argument("--token", help="the token to call the platform with (token A in active)")
    parser.add_argument("--role", choices=("cpo", "emsp", "hub"), help="the platform's role")
    parser.add_argument("--version", help="OCPI version to test (default: highest mutual)")
    parser.add_argument("--mode", choices=("read-only", "active"), default="read-only")
    parser.add_argument("--format", choices=("text", "json"), default="text")
    parser.add_argument("--junit", metavar="FILE", help="also write a JUnit XML report")
    parser.add_argument("--html", metavar="FILE", help="also write a self-contained HTML report")
    parser.add_argument("--only", metavar="PATTERN", help="check ids to run (globs, commas)")
    parser.add_argument("--profile", default="default", help="rules profile (default: the spec)")
    parser.add_argument("--listen", metavar="HOST:PORT", help="where the bench serves (active)")
    parser.add_argument(
        "--public-url", metavar="URL", help="the bench's URL as the platform sees it"
    )
    parser.add_argument(
        "--wait",
        type=float,
        default=60.0,
        metavar="SECONDS",
        help="how long to wait for the platform to act (active; default 60)",
    )
    parser.add_argument(
        "--second-token",
        metavar="TOKEN",
        help="a second token A, for the second party the bench plays against a hub (active)",
    )
    parser.add_argument("--list", action="store_true", help="print the catalogue and exit")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    if args.list:
        return list_checks(args)
    if not args.versions_url or not args.token or not args.role:
        raise UsageError("VERSIONS_URL, --token and --role are required (or --list)")
    from ocpi_sdk.check import CannotStart, Options, report
    from ocpi_sdk.check import run as run_checks

    options = Options(
        versions_url=args.versions_url,
        token=args.token,
        role=args.role,
        version=args.version,
        mode=args.mode,
        only=args.only,
        profile=args.profile,
        listen=args.listen,
        public_url=args.public_url,
        wait=args.wait,
        second_token=args.second_token,
    )
    progress = None
    if args.format == "text":

        def progress(index: int, total: int, result: Any) -> None:
            print(report.progress_line(index, total, result), flush=True)

    try:
        result = run_checks(options, progress=progress)
    except CannotStart as exc:
        message = str(exc).replace(args.token, "***")
        if args.second_token:
            message = message.replace(args.second_token, "***")
        print(f"ocpi check: cannot start: {message}", file=sys.stderr)
        return EXIT_CANNOT_START
    if args.format == "json":
        print(report.to_json(result))
    else:
        print(report.text(result))
    for name, render in ((args.junit, report.junit), (args.html, report.to_html)):
        if name:
            try:
                with open(name, "w", encoding="utf-8") as handle:
                    handle.write(render(result))
            except OSError as exc:
                raise UsageError(f"{name}: cannot write: {exc.strerror or exc}") from None
    return result.exit_status


def list_checks(args: argparse.Namespace) -> int:
    from ocpi_sdk.check import select
    from ocpi_sdk.check.model import VERSIONS

    versions = [args.version] if args.version else list(VERSIONS)
    if args.version and args.version not in VERSIONS:
        raise UsageError(f"unknown OCPI version {args.version}; known: {', '.join(VERSIONS)}")
    chosen = select(role=args.role, mode="active", only=args.only)
    shown = [c for c in chosen if any(v in c.versions for v in versions)]
    if args.format == "json":
        import json

        entries = [c.describe(next(v for v in versions if v in c.versions)) for c in shown]
        print(json.dumps(entries, indent=2))
        return 0
    for check in shown:
        version = next(v for v in versions if v in check.versions)
        print(
            f"{check.id}  [{check.severity}, {check.mode}; {', '.join(check.roles)}; "
            f"{', '.join(check.versions)}]"
        )
        print(f"    {check.title}")
        print(f"    sends: {check.sends}")
        print(f"    rule:  {check.rule}")
        print(
            f"    spec:  {check.reference(version)}"
            + (f" (profile {check.profile})" if check.profile else "")
        )
    print(
        f"{len(shown)} checks"
        + (f" for {args.role}" if args.role else "")
        + (f" in OCPI {args.version}" if args.version else "")
    )
    return 0
