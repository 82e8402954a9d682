"""Every example payload of the spec validates against the schema of its object."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ocpi_sdk import schemas
from tests.examples import (
    EXAMPLES,
    Envelope,
    Fragment,
    Full,
    Many,
    NotJson,
    Partial,
    SpecError,
    fragment_body,
    load,
)

CASES = [(v, f) for v, files in EXAMPLES.items() for f in files]


def test_every_indexed_example_is_mapped(examples_dir: Path) -> None:
    for version, mapping in EXAMPLES.items():
        index = json.loads((examples_dir / version / "index.json").read_text())
        indexed = {entry["file"] for entry in index["files"]}
        assert indexed == set(mapping), version


@pytest.mark.parametrize(("version", "file"), CASES, ids=[f"{v}/{f}" for v, f in CASES])
def test_example_validates(examples_dir: Path, version: str, file: str) -> None:
    use = EXAMPLES[version][file]
    if isinstance(use, NotJson):
        with pytest.raises(json.JSONDecodeError):
            json.loads((examples_dir / version / file).read_text())
        return
    payload = load(version, file)
    if isinstance(use, Full):
        report = schemas.check(payload, use.name, version=version)
    elif isinstance(use, Partial):
        report = schemas.check(payload, use.name, version=version, partial=True)
    elif isinstance(use, Fragment):
        report = schemas.check(fragment_body(payload), use.name, version=version, partial=True)
    elif isinstance(use, Envelope):
        report = schemas.check_envelope(payload, use.name, version=version)
    elif isinstance(use, Many):
        assert isinstance(payload, list)
        errors = [e for item in payload for e in schemas.validate(item, use.name, version=version)]
        assert errors == []
        return
    else:
        assert isinstance(use, SpecError)
        if use.envelope:
            report = schemas.check_envelope(payload, use.name, version=version)
        else:
            report = schemas.check(payload, use.name, version=version, partial=use.partial)
        found = {(p.path, p.rule) for p in report.errors}
        assert found == use.errors, use.reason
        return
    assert [str(e) for e in report.errors] == []
