"""Issue #12 item 9: any input gives only documented errors, listed within a bound.

``loads`` raises :class:`~ocpi_sdk.errors.PayloadError` and nothing else; ``schemas.validate`` and
``schemas.check`` return problems and raise nothing; at most ``schemas.MAX_LISTED`` problems are
listed, the rest counted. (Time is measured in ``bench/validate.py``, never asserted here.)
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ocpi_sdk import packages, schemas
from ocpi_sdk.errors import PayloadError
from tests.examples import load

VERSION = "2.2.1"
PACKAGE = packages.package(VERSION)


def _nested(depth: int) -> list[Any]:
    root: list[Any] = []
    node = root
    for _ in range(depth):
        child: list[Any] = []
        node.append(child)
        node = child
    return root


PATHOLOGICAL_TEXT = {
    "lone surrogate escape": b'{"id": "\\ud800"}',
    "lone surrogate in str": '{"id": "\ud800"}',
    "invalid utf-8": b'{"id": "\xff"}',
    "nesting 1,000 deep": b"[" * 1000 + b"]" * 1000,
    "nesting 100,000 deep": b"[" * 100_000 + b"]" * 100_000,
    "NaN": b'{"id": NaN}',
    "Infinity": b'{"latitude": -Infinity}',
    "30-digit number": b'{"id": 123456789012345678901234567890.123}',
    "5000-digit integer": b'{"id": ' + b"9" * 5000 + b"}",
    "huge exponent": b'{"id": 1e999999999}',
    "100,000 nulls": b"[" + b",".join([b"null"] * 100_000) + b"]",
    "600 KB string": json.dumps("x" * 600_000).encode(),
    "not JSON": b"{'id': 1}",
    "empty": b"",
}


def _bounded(error: PayloadError) -> None:
    assert 1 <= len(error.problems) <= schemas.MAX_LISTED + 10
    assert str(error).count("\n") <= schemas.MAX_LISTED + 2
    for problem in error.problems:
        problem.message.encode("utf-8")  # printable: no lone surrogate in a message


@pytest.mark.parametrize("case", sorted(PATHOLOGICAL_TEXT))
@pytest.mark.parametrize("target", ["Location", "list[Location]"])
def test_item9_loads_raises_only_payload_errors_with_a_bounded_list(case: str, target: str) -> None:
    cls: Any = PACKAGE.Location if target == "Location" else list[PACKAGE.Location]
    with pytest.raises(PayloadError) as caught:
        PACKAGE.loads(PATHOLOGICAL_TEXT[case], cls)
    _bounded(caught.value)


def test_item9_a_list_of_100000_nulls_is_listed_in_part_and_counted() -> None:
    with pytest.raises(PayloadError) as caught:
        PACKAGE.loads(PATHOLOGICAL_TEXT["100,000 nulls"], list[PACKAGE.Location])
    error = caught.value
    assert len(error.problems) == schemas.MAX_LISTED
    assert len(error.problems) + error.omitted == 100_000
    assert "100000 problems" in str(error).splitlines()[0]


def test_item9_a_string_where_a_list_of_objects_is_expected_is_one_problem(
    examples_dir: Path,
) -> None:
    location = load(VERSION, "location_example.json")
    location["evses"] = "x" * 600_000
    with pytest.raises(PayloadError) as caught:
        PACKAGE.loads(json.dumps(location), PACKAGE.Location)
    assert [(p.path, p.rule) for p in caught.value.problems] == [("$.evses", "type")]
    assert len(str(caught.value)) < 500


PATHOLOGICAL_DATA = {
    "lone surrogate": {"id": "\ud800"},
    "lone surrogate key": {"\udfff": 1},
    "nesting 10,000 deep": {"evses": _nested(10_000)},
    "nesting 10,000 deep, unknown field": {"x": _nested(10_000)},
    "NaN": {"coordinates": {"latitude": float("nan"), "longitude": "4.1"}},
    "Infinity in a list": {"evses": [float("inf")]},
    "30-digit number": {"id": 123456789012345678901234567890},
    "100,000 nulls": {"evses": [None] * 100_000},
    "600 KB string for a list": {"evses": "x" * 600_000},
    "a list for the object": [None] * 100_000,
    "a set": {"evses": {1, 2}},
    "a bytes value": {"id": b"\xff"},
}


@pytest.mark.parametrize("case", sorted(PATHOLOGICAL_DATA))
@pytest.mark.parametrize("strict", [False, True], ids=["lenient", "strict"])
def test_item9_validate_and_check_return_bounded_problems_and_raise_nothing(
    case: str, strict: bool
) -> None:
    payload = PATHOLOGICAL_DATA[case]
    report = schemas.check(payload, "Location", version=VERSION, strict=strict)
    errors = schemas.validate(payload, "Location", version=VERSION, strict=strict)
    assert errors == list(report.errors)
    assert 1 <= len(report.errors) <= schemas.MAX_LISTED
    assert len(report.notes) <= schemas.MAX_LISTED
    for problem in (*report.errors, *report.notes):
        str(problem).encode("utf-8")
        assert len(problem.message) < 1000


def test_item9_check_counts_what_it_does_not_list() -> None:
    report = schemas.check(PATHOLOGICAL_DATA["100,000 nulls"], "Location", version=VERSION)
    assert len(report.errors) == schemas.MAX_LISTED
    assert report.omitted > 0
    surrogate = schemas.check(PATHOLOGICAL_DATA["lone surrogate"], "Location", version=VERSION)
    assert [(p.path, p.rule) for p in surrogate.errors] == [("$.id", "json")]


# ---- fuzzing: only documented errors --------------------------------------------------------

_SCALARS = (
    st.none()
    | st.booleans()
    | st.integers(min_value=-(10**40), max_value=10**40)
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.text(max_size=20)
    | st.text(st.characters(min_codepoint=0xD7F0, max_codepoint=0xE010), max_size=4)
)
JSON_LIKE = st.recursive(
    _SCALARS,
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=20,
)
FIELDS = ["id", "evses", "coordinates", "opening_times", "last_updated", "x_partner", "operator"]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(field=st.sampled_from(FIELDS), value=JSON_LIKE, strict=st.booleans())
def test_item9_fuzzed_payloads_give_only_documented_errors(
    examples_dir: Path, field: str, value: Any, strict: bool
) -> None:
    payload = {**load(VERSION, "location_example.json"), field: value}
    report = schemas.check(payload, "Location", version=VERSION, strict=strict)
    assert len(report.errors) <= schemas.MAX_LISTED
    text = json.dumps(payload)  # stdlib writes NaN and lone surrogates: not JSON for us
    try:
        PACKAGE.loads(text, PACKAGE.Location, strict=strict)
    except PayloadError as error:
        _bounded(error)


@settings(max_examples=150, deadline=None)
@given(raw=st.binary(max_size=200) | st.text(max_size=200))
def test_item9_fuzzed_bytes_give_only_payload_errors(raw: bytes | str) -> None:
    try:
        PACKAGE.loads(raw, PACKAGE.Location)
    except PayloadError as error:
        _bounded(error)
