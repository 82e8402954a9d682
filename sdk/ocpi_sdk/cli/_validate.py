"""``ocpi validate``: check payload files against the schemas of an OCPI version."""

from __future__ import annotations

import argparse
import json
import sys
from typing import TYPE_CHECKING, Any

from ocpi_sdk.cli._common import InputError, UsageError, load_json

if TYPE_CHECKING:
    from ocpi_sdk.schemas import Problem, Report

__all__ = ["UsageError", "register"]


def register(commands: Any) -> None:
    """Add the ``validate`` sub-command to ``commands`` (an argparse sub-parsers object)."""
    parser: argparse.ArgumentParser = commands.add_parser(
        "validate",
        help="validate JSON payloads against an OCPI object's schema",
        description=(
            "Validate each FILE as the OCPI object --object of --version. A file holding a JSON "
            "array validates each element. Prints 'FILE: valid OBJECT (OCPI VERSION)' for a valid "
            "file and 'FILE: PATH: message' for each error (standard output); notes, such as "
            "unknown fields, go to standard error. A file that cannot be read or is not JSON is "
            "reported and invalid; every file is checked. Exit status: 0 every file valid, 1 any "
            "file invalid (or unreadable, or not JSON), 2 usage error (unknown version or object)."
        ),
    )
    parser.add_argument("--version", required=True, help="OCPI version, e.g. 2.2.1")
    parser.add_argument(
        "--object", dest="object_name", metavar="NAME", help="object name, e.g. Location"
    )
    parser.add_argument(
        "--list-objects",
        action="store_true",
        help="print every object, class, enum and type name of --version and exit",
    )
    parser.add_argument(
        "--envelope",
        action="store_true",
        help="each file is a whole OCPI response: check the envelope and its data",
    )
    parser.add_argument("--partial", action="store_true", help="each file is a PATCH body")
    parser.add_argument("--strict", action="store_true", help="unknown fields are errors")
    parser.add_argument("--format", choices=("text", "json"), default="text", help="output")
    parser.add_argument("files", nargs="*", metavar="FILE", help="JSON file, or - for stdin")
    parser.set_defaults(run=run)


def _check_payload(payload: Any, args: argparse.Namespace) -> Report:
    from ocpi_sdk import schemas

    options: dict[str, Any] = {
        "version": args.version,
        "partial": args.partial,
        "strict": args.strict,
    }
    if args.envelope:
        return schemas.check_envelope(payload, args.object_name, **options)
    if isinstance(payload, list):
        errors: list[Problem] = []
        notes: list[Problem] = []
        for index, item in enumerate(payload):
            report = schemas.check(item, args.object_name, path=f"$[{index}]", **options)
            errors.extend(report.errors)
            notes.extend(report.notes)
        return schemas.Report(tuple(errors), tuple(notes))
    return schemas.check(payload, args.object_name, **options)


def _check_file(name: str, args: argparse.Namespace) -> Report:
    """The report on file ``name``; a file that cannot be read or parsed gets one error at ``$``."""
    from ocpi_sdk import schemas

    try:
        payload = load_json(name)
    except InputError as exc:
        return schemas.Report((schemas.Problem("$", str(exc), "json"),), ())
    return _check_payload(payload, args)


def run(args: argparse.Namespace) -> int:
    """Carry out ``ocpi validate``; returns the exit status (0 valid, 1 invalid)."""
    from ocpi_sdk import schemas
    from ocpi_sdk.errors import UnknownObjectError, UnknownVersionError

    try:
        known = schemas.names(args.version)
    except UnknownVersionError as exc:
        raise UsageError(str(exc)) from None
    if args.list_objects:
        print("\n".join(known))
        return 0
    if not args.object_name:
        raise UsageError("--object NAME is required (--list-objects lists the names)")
    if not args.files:
        raise UsageError("no FILE given (- reads standard input)")
    try:
        schemas.get(args.version, args.object_name)
    except UnknownObjectError as exc:
        raise UsageError(
            f"{exc}; 'ocpi validate --list-objects --version {args.version}' lists them"
        ) from None
    results = [(name, _check_file(name, args)) for name in args.files]
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
            for problem in report.notes:
                print(f"{name}: {problem.path}: note: {problem.message}", file=sys.stderr)
            if report.valid:
                print(f"{name}: valid {args.object_name} (OCPI {args.version})")
            for problem in report.errors:
                print(f"{name}: {problem.path}: {problem.message}")
    return 0 if all(report.valid for _, report in results) else 1


def _as_json(problem: Problem) -> dict[str, str]:
    return {"path": problem.path, "message": problem.message, "rule": problem.rule}
