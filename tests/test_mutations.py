"""Mutations of the spec's examples fail at the right JSON path with the right rule."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from ocpi_sdk import schemas
from tests.examples import EXAMPLES, Full, load
from tests.mutations import mutations

FULL = [
    (v, f, u.name) for v, files in EXAMPLES.items() for f, u in files.items() if isinstance(u, Full)
]


@pytest.mark.parametrize(("version", "file", "name"), FULL, ids=[f"{v}/{f}" for v, f, _ in FULL])
def test_every_mutation_is_reported_at_its_path(
    examples_dir: Path, version: str, file: str, name: str
) -> None:
    payload = load(version, file)
    found = mutations(version, name, payload)
    assert found, "the walker found nothing to mutate"
    for mutation in found:
        errors = schemas.validate(mutation.payload, name, version=version)
        located = {(e.path, e.rule) for e in errors}
        assert (mutation.path, mutation.rule) in located or (
            # a wrong type inside a oneOf/anyOf branch is reported at the branch point
            any(e.path == mutation.path for e in errors)
        ), f"{mutation.kind} at {mutation.path}: got {sorted(located)}"


def test_the_mutations_cover_every_kind_the_issue_names(examples_dir: Path) -> None:
    kinds: Counter[str] = Counter()
    for version, file, name in FULL:
        kinds.update(m.kind for m in mutations(version, name, load(version, file)))
    for kind in ("required", "enum", "maxLength", "DateTime", "wrong type", "empty +"):
        assert kinds[kind] > 0, kind


def test_partial_accepts_a_subset_but_checks_each_field() -> None:
    stamp = {"last_updated": "2015-06-29T20:39:09Z"}
    body = {"status": "AVAILABLE", **stamp}
    assert schemas.validate(body, "EVSE", version="2.2.1", partial=True) == []
    assert schemas.validate({"status": "AVAILABLE"}, "EVSE", version="2.1.1", partial=True) == []
    errors = schemas.validate({"status": "BROKEN", **stamp}, "EVSE", version="2.2.1", partial=True)
    assert [(e.path, e.rule) for e in errors] == [("$.status", "enum")]
    full = schemas.validate({"status": "AVAILABLE"}, "EVSE", version="2.2.1")
    assert ("$.uid", "required") in {(e.path, e.rule) for e in full}


def test_unknown_fields_are_notes_by_default_and_errors_when_strict(examples_dir: Path) -> None:
    location = load("2.2.1", "location_example.json")
    location["evses"][0]["x_vendor_flag"] = True
    report = schemas.check(location, "Location", version="2.2.1")
    assert report.valid
    assert [(n.path, n.rule) for n in report.notes] == [
        ("$.evses[0].x_vendor_flag", "unevaluatedProperties")
    ]
    strict = schemas.validate(location, "Location", version="2.2.1", strict=True)
    assert [(e.path, e.rule) for e in strict] == [
        ("$.evses[0].x_vendor_flag", "unevaluatedProperties")
    ]


def test_datetime_accepts_the_spec_formats_and_rejects_offsets() -> None:
    for good in (
        "2015-06-29T20:39:09Z",
        "2015-06-29T20:39:09",
        "2016-12-29T17:45:09.2Z",
        "2016-12-29T17:45:09.2",
        "2018-01-01T01:08:01.123Z",
        "2018-01-01T01:08:01.123",
    ):
        assert schemas.validate(good, "DateTime", version="2.2.1") == [], good
    for bad in ("2015-06-29T20:39:09+00:00", "2015-06-29 20:39:09", "29-06-2015T20:39:09Z"):
        errors = schemas.validate(bad, "DateTime", version="2.2.1")
        assert errors and errors[0].path == "$", bad


def test_envelope_errors_name_the_data_path(examples_dir: Path) -> None:
    response = load("2.2.1", "transport_and_format_get_token_list_example.json")
    del response["data"][1]["uid"]
    del response["timestamp"]
    errors = schemas.check_envelope(response, "Token", version="2.2.1").errors
    assert {(e.path, e.rule) for e in errors} == {
        ("$.timestamp", "required"),
        ("$.data[1].uid", "required"),
    }


def test_unknown_names_raise_clear_errors() -> None:
    from ocpi_sdk.errors import UnknownObjectError, UnknownVersionError

    with pytest.raises(UnknownVersionError, match=r"2\.0\.9"):
        schemas.validate({}, "Location", version="2.0.9")
    with pytest.raises(UnknownObjectError, match="did you mean 'Location'"):
        schemas.validate({}, "location", version="2.2.1")
