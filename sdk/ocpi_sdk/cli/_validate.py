"""``ocpi validate``: check payload files against the schemas of an OCPI version."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from ocpi_sdk import schemas
from ocpi_sdk.cli._common import UsageError, read_json
from ocpi_sdk.errors import UnknownObjectError, UnknownVersionError

__all__ = ["UsageError", "register"]


def register(commands: Any) -> None:
    parser: argparse.ArgumentParser = commands.add_parser(
        "validate",
        help="validate JSON payloads against an OCPI object's schema",
        description=(
            "Validate each FILE as the OCPI object --object of --version. A file holding a JSON "
            "array validates each element. Exit 0 when every file is valid, 1 when any is not, "
            "2 on usage errors."
        ),
    )
    parser.add_argument("--version", required=True, help="OCPI version, e.g. 2.2.1")
    parser.add_argument("--object", required=True, dest="object_name", help="e.g. Location")
    parser.add_argument(
        "--envelope",
        action="store_true",
        help="each file is a whole OCPI response: check the envelope and its data",
    )
    parser.add_argument("--partial", action="store_true", help="each file is a PATCH body")
    parser.add_argument("--strict", action="store_true", help="unknown fields are errors")
    parser.add_argument("--format", choices=("text", "json"), default="text")
    parser.add_argument("files", nargs="+", metavar="FILE", help="JSON file, or - for stdin")
    parser.set_defaults(run=run)


def _check_file(payload: Any, args: argparse.Namespace) -> schemas.Report:
    options: dict[str, Any] = {
        "version": args.version,
        "partial": args.partial,
        "strict": args.strict,
    }
    if args.envelope:
        return schemas.check_envelope(payload, args.object_name, **options)
    if isinstance(payload, list):
        errors: list[schemas.Problem] = []
        notes: list[schemas.Problem] = []
        for index, item in enumerate(payload):
            report = schemas.check(item, args.object_name, path=f"$[{index}]", **options)
            errors.extend(report.errors)
            notes.extend(report.notes)
        return schemas.Report(tuple(errors), tuple(notes))
    return schemas.check(payload, args.object_name, **options)


def run(args: argparse.Namespace) -> int:
    try:
        schemas.get(args.version, args.object_name)
    except (UnknownVersionError, UnknownObjectError) as exc:
        raise UsageError(str(exc)) from None
    payloads = [(name, read_json(name)) for name in args.files]
    results = [(name, _check_file(payload, args)) for name, payload in payloads]
    if args.format == "json":
        document = [
            {
                "file": name,
                "valid": report.valid,
                "errors": [_as_json(p) for p in report.errors],
                "notes": [_as_json(p) for p in report.notes],
            }
            for name, report in results
        ]
        print(json.dumps(document, indent=2))
    else:
        for name, report in results:
            for problem in report.errors:
                print(f"{name}: {problem.path}: {problem.message}")
            for problem in report.notes:
                print(f"{name}: {problem.path}: note: {problem.message}", file=sys.stderr)
    return 0 if all(report.valid for _, report in results) else 1


def _as_json(problem: schemas.Problem) -> dict[str, str]:
    return {"path": problem.path, "message": problem.message, "rule": problem.rule}
