"""``ocpi convert``: an OCPI object from one version to another, with what was lost."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from ocpi_sdk import schemas
from ocpi_sdk.cli._common import UsageError, json_text, read_json
from ocpi_sdk.translation import (
    VERSIONS,
    ContextError,
    Conversion,
    NotRepresentableError,
    UnsupportedObjectError,
    convert,
)

__all__ = ["register"]

EXIT_LOSS = 1


def register(commands: Any) -> None:
    parser: argparse.ArgumentParser = commands.add_parser(
        "convert",
        help="convert an OCPI object between 2.1.1, 2.2.1 and 2.3.0, listing what is lost",
        description=(
            "Convert FILE, an OCPI --object of version --from (or a JSON array of them), to "
            "version --to. The converted JSON goes to standard output and each loss (a JSON path "
            "of the source, what happened, why, and the spec entry) to standard error; "
            "--format json prints both in one document. What the target needs and the source "
            "cannot give (country_code, party_id, tax_included, ...) comes from --context, a JSON "
            "object. Exit 0 when converted, 1 with --strict when anything would be lost, 2 on "
            "bad input (unreadable or invalid FILE, missing context, an object the target "
            "cannot hold)."
        ),
    )
    parser.add_argument("--from", required=True, dest="source", choices=VERSIONS)
    parser.add_argument("--to", required=True, dest="target", choices=VERSIONS)
    parser.add_argument("--object", required=True, dest="object_name", help="e.g. Location")
    parser.add_argument(
        "--as",
        dest="as_object",
        metavar="OBJECT",
        help="the target's object when it has another name there (a 2.1.1 command result, "
        "CommandResponse, is a CommandResult in 2.2.1+)",
    )
    parser.add_argument("--context", metavar="FILE", help="JSON object of values to supply")
    parser.add_argument("--partial", action="store_true", help="FILE is a PATCH body")
    parser.add_argument("--strict", action="store_true", help="refuse any loss (exit 1)")
    parser.add_argument("--format", choices=("text", "json"), default="text")
    parser.add_argument("file", metavar="FILE", help="JSON file, or - for stdin")
    parser.set_defaults(run=run)


def _check_source(payload: Any, args: argparse.Namespace) -> None:
    items = payload if isinstance(payload, list) else [payload]
    problems: list[schemas.Problem] = []
    for index, item in enumerate(items):
        path = f"$[{index}]" if isinstance(payload, list) else "$"
        problems.extend(
            schemas.check(
                item, args.object_name, version=args.source, path=path, partial=args.partial
            ).errors
        )
    if problems:
        first = problems[0]
        more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
        raise UsageError(
            f"{args.file}: not a valid {args.source} {args.object_name}: "
            f"{first.path}: {first.message}{more}"
        )


def run(args: argparse.Namespace) -> int:
    payload = read_json(args.file)
    context = read_json(args.context) if args.context else {}
    if not isinstance(context, dict):
        raise UsageError(f"{args.context}: the context must be a JSON object")
    try:
        schemas.get(args.source, args.object_name)
    except LookupError as exc:
        raise UsageError(str(exc)) from None
    _check_source(payload, args)
    try:
        result = convert(
            payload,
            args.target,
            from_version=args.source,
            object_name=args.object_name,
            context=context,
            partial=args.partial,
            as_object=args.as_object,
        )
    except (ContextError, NotRepresentableError, UnsupportedObjectError) as exc:
        raise UsageError(str(exc)) from None
    refused = args.strict and bool(result.losses)
    _print(result, args.format, refused)
    return EXIT_LOSS if refused else 0


def _print(result: Conversion, form: str, refused: bool) -> None:
    value = None if refused else result.value
    if form == "json":
        document = {
            "from": result.source,
            "to": result.target,
            "value": value,
            "losses": [loss.as_json() for loss in result.losses],
            "supplied": list(result.supplied),
        }
        print(json_text(document))
        return
    if value is not None:
        print(json_text(value))
    for loss in result.losses:
        print(str(loss), file=sys.stderr)
    if refused:
        count = len(result.losses)
        print(
            f"--strict: {count} loss{'es' if count != 1 else ''}, nothing written", file=sys.stderr
        )
