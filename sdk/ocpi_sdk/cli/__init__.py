"""The ``ocpi`` command line: one sub-command per module of this package.

Each sub-command lives in its own module, imported only when it is the one run, so that
``ocpi --help`` and ``ocpi validate`` never load the simulators, the web stack or the tariff
engine. Adding a command is one line in :data:`COMMANDS`; its module provides
``register(commands)`` (adds its parser, with ``set_defaults(run=...)``).
"""

from __future__ import annotations

import argparse
import importlib
import os
import signal
import sys
from collections.abc import Sequence

from ocpi_sdk import __version__
from ocpi_sdk.cli._common import (
    EXIT_INTERRUPTED,
    EXIT_USAGE,
    MissingExtraError,
    Parser,
    UsageError,
    extra_for,
)

__all__ = ["COMMANDS", "build_parser", "main"]

# Command -> (module under ocpi_sdk.cli, one-line summary for ``ocpi --help``).
COMMANDS: dict[str, tuple[str, str]] = {
    "validate": ("_validate", "validate JSON payloads against an OCPI object's schema"),
    "sim": ("_sim", "run a simulated CPO, eMSP or hub on loopback (extra: bench)"),
    "price": ("_price", "price a CDR with its tariffs and check its totals"),
    "roam": ("_roam", "drive a whole roaming flow between simulated parties (extra: bench)"),
    "convert": (
        "_convert",
        "convert an OCPI object between 2.1.1, 2.2.1 and 2.3.0, listing losses",
    ),
    "check": ("_check", "test a live platform (CPO, eMSP or hub) against the spec"),
    "openapi": ("_openapi", "write the OpenAPI 3.1 document of the interfaces a role serves"),
    "load": ("_load", "load-test a platform (or a simulator) on Locust (extra: load)"),
}


def _chosen(argv: Sequence[str]) -> str | None:
    """The sub-command named in ``argv`` (the top-level options take no values)."""
    for arg in argv:
        if not arg.startswith("-"):
            return arg if arg in COMMANDS else None
    return None


def build_parser(argv: Sequence[str] = ()) -> argparse.ArgumentParser:
    """The ``ocpi`` parser; only the command named in ``argv`` gets its full sub-parser."""
    parser = Parser(
        prog="ocpi",
        description="Validate, price and simulate OCPI payloads and partners.",
        epilog="'ocpi COMMAND --help' describes a command and its exit statuses.",
    )
    version = f"ocpi-sdk {__version__}"
    parser.add_argument("--version", action="version", version=version)
    parser.add_argument("--sdk-version", action="version", version=version, help=argparse.SUPPRESS)
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    chosen = _chosen(argv)
    for name, (module, summary) in COMMANDS.items():
        if name == chosen:
            importlib.import_module(f"ocpi_sdk.cli.{module}").register(commands)
        else:
            commands.add_parser(name, help=summary)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the ``ocpi`` command line; returns the exit status."""
    arguments = sys.argv[1:] if argv is None else list(argv)
    try:
        try:
            args = build_parser(arguments).parse_args(arguments)
            status: int = args.run(args)
        except MissingExtraError as exc:
            print(f"ocpi: {exc}", file=sys.stderr)
            return EXIT_USAGE
        except ModuleNotFoundError as exc:
            extra = extra_for(exc)
            if extra is None:
                raise
            print(f"ocpi: {extra}", file=sys.stderr)
            return EXIT_USAGE
        except UsageError as exc:
            print(f"ocpi {args.command}: error: {exc}", file=sys.stderr)
            return EXIT_USAGE
        sys.stdout.flush()
    except KeyboardInterrupt:
        print("ocpi: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        # The reader went away (``ocpi ... | head``): stop quietly, as ``cat`` does.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 128 + signal.SIGPIPE if hasattr(signal, "SIGPIPE") else 1
    return status


if __name__ == "__main__":
    sys.exit(main())
