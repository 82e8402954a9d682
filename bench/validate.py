"""Validating payloads: ``ocpi_sdk.schemas.validate`` against a plain ``jsonschema`` validator.

Validates the spec's CDR and Location examples (2.2.1) N times each through the SDK and through
a ``jsonschema.Draft202012Validator`` built once over the same schema files, in the same run, and
prints objects per second, the ratio, and whether both gave the same verdict.
Aim (issue #2): the SDK at least 10x faster than plain jsonschema.
"""

from __future__ import annotations

import json
import os
import sys

import jsonschema
import referencing
from _common import EXAMPLES, ROOT, rate
from referencing.jsonschema import DRAFT202012

from ocpi_sdk import schemas

N = int(os.environ.get("BENCH_N", "10000"))
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


def main() -> int:
    for name, file in (("CDR", "cdr_example.json"), ("Location", "location_example.json")):
        payload = json.loads((EXAMPLES / VERSION / file).read_text())
        plain = plain_validator(name)
        sdk_errors = schemas.validate(payload, name, version=VERSION)
        plain_errors = list(plain.iter_errors(payload))
        same = (sdk_errors == []) == (plain_errors == [])
        sdk = rate(lambda p=payload, n=name: schemas.validate(p, n, version=VERSION), N)
        base = rate(lambda p=payload, v=plain: list(v.iter_errors(p)), max(N // 10, 100))
        print(
            f"{name:8} validate: sdk {sdk:10,.0f}/s  plain jsonschema {base:8,.0f}/s  "
            f"speed-up {sdk / base:5.1f}x (aim >= 10x)  same verdict: {same}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
