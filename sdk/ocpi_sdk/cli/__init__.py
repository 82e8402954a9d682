"""The ``ocpi`` command line: one sub-command per module of this package."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from ocpi_sdk import __version__
from ocpi_sdk.cli import _check, _convert, _load, _openapi, _price, _roam, _sim, _validate
from ocpi_sdk.cli._common import UsageError

EXIT_USAGE = 2


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="ocpi", description="Validate, price and simulate OCPI payloads and partners."
    )
    parser.add_argument("--sdk-version", action="version", version=f"ocpi-sdk {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    _validate.register(commands)
    _sim.register(commands)
    _price.register(commands)
    _roam.register(commands)
    _convert.register(commands)
    _check.register(commands)
    _openapi.register(commands)
    _load.register(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the ``ocpi`` command line; returns the exit status."""
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        status: int = args.run(args)
    except UsageError as exc:
        print(f"ocpi {args.command}: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        return 130
    return status


if __name__ == "__main__":
    sys.exit(main())
