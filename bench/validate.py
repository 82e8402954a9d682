"""Validating payloads: ``ocpi_sdk.schemas`` against a plain ``jsonschema`` validator.

For the spec's CDR and Location examples (2.2.1) and three kinds of payload -- the valid example,
invalid ones (the mutations of ``tests/mutations.py``, cycled) and the example carrying one unknown
field -- measures ``schemas.validate`` and ``schemas.check`` against a
``jsonschema.Draft202012Validator`` built once over the same schema files (listing every error, as
the SDK does), in the same run, and prints payloads per second and the ratio.
Aim (issue #17): the SDK at least 100x plain jsonschema on every kind.
"""

from __future__ import annotations

import itertools
import json
import os
import sys

import jsonschema
import referencing
from _common import EXAMPLES, ROOT, rate
from referencing.jsonschema import DRAFT202012

sys.path.insert(0, str(ROOT))

from ocpi_sdk import schemas  # noqa: E402
from tests.mutations import mutations  # noqa: E402

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
                ours = itertools.cycle(payloads)
                theirs = itertools.cycle(payloads)
                sdk = rate(lambda f=function, c=ours, n=name: f(next(c), n, version=VERSION), N)
                base = rate(lambda c=theirs, v=plain: list(v.iter_errors(next(c))), max(N // 50, 40))
                worst = min(worst, sdk / base)
                print(
                    f"{name:8} {kind:13} {label:8}: sdk {sdk:10,.0f}/s  "
                    f"plain jsonschema {base:8,.0f}/s  ratio {sdk / base:7.1f}x (aim >= 100x)"
                )
    print(f"worst ratio {worst:.1f}x (aim >= 100x)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
