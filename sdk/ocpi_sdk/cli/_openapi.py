"""``ocpi openapi``: write the OpenAPI 3.1 document of one OCPI version and role."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from ocpi_sdk.cli._common import UsageError
from ocpi_sdk.schemas import versions as schema_versions


def register(commands: Any) -> None:
    from ocpi_sdk.openapi import ROLES

    parser: argparse.ArgumentParser = commands.add_parser(
        "openapi",
        help="write the OpenAPI 3.1 document of the interfaces a role serves",
        description=(
            "Write the OpenAPI 3.1 document of the OCPI interfaces a party of --role serves "
            "(every interface of the version without --role), generated from the SDK's JSON "
            "Schemas and interfaces data, to --out or standard output."
        ),
    )
    parser.add_argument(
        "--version", required=True, help=f"OCPI version ({', '.join(schema_versions())})"
    )
    parser.add_argument("--role", choices=ROLES, help="the serving party's role (default: all)")
    parser.add_argument(
        "--server", help="the party's OCPI root URL (versions at <server>/versions)"
    )
    parser.add_argument("--out", help="file to write (default: standard output)")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from ocpi_sdk.openapi import document

    if args.version not in schema_versions():
        raise UsageError(
            f"unknown OCPI version {args.version}; known: {', '.join(schema_versions())}"
        )
    text = json.dumps(document(args.version, args.role, server=args.server), indent=2) + "\n"
    if args.out is None:
        sys.stdout.write(text)
        return 0
    try:
        with open(args.out, "w", encoding="utf-8") as handle:
            handle.write(text)
    except OSError as exc:
        raise UsageError(f"{args.out}: cannot write: {exc.strerror or exc}") from None
    return 0
