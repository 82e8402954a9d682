"""Validating payloads: ``ocpi_sdk.schemas`` against a plain ``jsonschema`` validator.

For the spec's CDR and Location examples (2.2.1) and three kinds of payload -- the valid example,
invalid ones (every mutation of ``tests/mutations.py``) and the example carrying one unknown
field -- measures ``schemas.validate`` and ``schemas.check`` against a
``jsonschema.Draft202012Validator`` built once over the same schema files (listing every error, as
the SDK does), in the same run, and prints payloads per second and the ratio. Each measured unit
is one pass over every payload of a kind, on both sides, best of rounds.
Aim (issue #17): the SDK at least 100x plain jsonschema on every kind.
"""

from __future__ import annotations

import json
import os
import sys

import jsonschema
import referencing
from _common import EXAMPLES, ROOT, ROUNDS, rate, seconds
from referencing.jsonschema import DRAFT202012

sys.path.insert(0, str(ROOT))

from ocpi_sdk import packages, schemas
from ocpi_sdk.errors import PayloadError
from tests.mutations import mutations

N = int(os.environ.get("BENCH_N", "5000"))
VERSION = "2.2.1"


def plain_validator(name: str) -> jsonschema.Draft202012Validator:
    folder = ROOT / "schemas" / VERSION
    documents = [
        json.loads(p.read_text()) for p in folder.glob("*.json") if p.name != "interfaces.json"
    ]
    registry: referencing.Registry = referencing.Registry().with_resources(
        (d["$id"], DRAFT202012.create_resource(d)) for d in documents
    )
    return jsonschema.Draft202012Validator({"$ref": schemas.uri(VERSION, name)}, registry=registry)


def kinds(payload: dict[str, object], name: str) -> dict[str, list[object]]:
    invalid = [m.payload for m in mutations(VERSION, name, payload)]
    return {
        "valid": [payload],
        "invalid": invalid,
        "unknown field": [{**payload, "x_partner_field": {"a": 1}}],
    }


def main() -> int:
    worst = float("inf")
    for name, file in (("CDR", "cdr_example.json"), ("Location", "location_example.json")):
        payload = json.loads((EXAMPLES / VERSION / file).read_text())
        plain = plain_validator(name)
        for kind, payloads in kinds(payload, name).items():
            for label, function in (("validate", schemas.validate), ("check", schemas.check)):
                # A measured unit is one pass over every payload of the kind, for both sides:
                # each round sees the same payloads (not the cheapest slice of a cycle).
                count = len(payloads)
                sdk = count * rate(
                    lambda f=function, ps=payloads, n=name: [f(p, n, version=VERSION) for p in ps],
                    max(N // count, ROUNDS),
                )
                base = count * rate(
                    lambda ps=payloads, v=plain: [list(v.iter_errors(p)) for p in ps],
                    max(N // 50 // count, ROUNDS),
                )
                worst = min(worst, sdk / base)
                print(
                    f"{name:8} {kind:13} {label:8}: sdk {sdk:10,.0f}/s  "
                    f"plain jsonschema {base:8,.0f}/s  ratio {sdk / base:7.1f}x (aim >= 100x)"
                )
    print(f"worst ratio {worst:.1f}x (aim >= 100x)")
    pathological()
    return 0


def pathological() -> None:
    """Issue #12 item 9: a 600 KB pathological payload answered in under a second (was 20 s)."""
    package = packages.package(VERSION)
    nulls = b"[" + b",".join([b"null"] * 120_000) + b"]"
    cases = {
        "120,000 nulls as list[Location]": (nulls, list[package.Location]),
        "120,000 nulls as Location": (nulls, package.Location),
        "600 KB string as list[Location]": (
            json.dumps("x" * 600_000).encode(),
            list[package.Location],
        ),
        "nesting 100,000 deep": (b"[" * 100_000 + b"]" * 100_000, package.Location),
    }
    for label, (text, cls) in cases.items():
        best = seconds(lambda t=text, c=cls: _refused(package, t, c))
        print(f"loads    {label:34}: {best * 1000:7.1f} ms (aim < 1000 ms)")
    data = json.loads(nulls)
    best = seconds(lambda: schemas.check({"evses": data}, "Location", version=VERSION))
    print(f"check    {'120,000 nulls for evses':34}: {best * 1000:7.1f} ms (aim < 1000 ms)")


def _refused(package: object, text: bytes, cls: object) -> None:
    try:
        package.loads(text, cls)  # type: ignore[attr-defined]
    except PayloadError:
        return
    raise AssertionError("accepted a pathological payload")


if __name__ == "__main__":
    sys.exit(main())
