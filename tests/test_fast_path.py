"""The fast path of ``loads`` (msgspec, ``ocpi_sdk._fastjson``) gives exactly what the converter's
reference path gives, or leaves the payload to it.

For every input below, the fast decoder either answers FALLBACK or an object equal, field by
field and type by type, to the reference's (the converter with the fast path switched off); when
the reference raises, the fast decoder must have fallen back (``loads`` then runs the reference
path itself, so its errors are the reference's). Inputs: every spec example (as published and
re-serialised), every mutation of the complete examples (tests/mutations.py), payloads generated
from every schema (tests/schema_strategies.py), and the cases where msgspec alone would read
differently.
"""

from __future__ import annotations

import importlib
import json
import sys
from datetime import datetime, timedelta, timezone
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs
import msgspec
import orjson
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ocpi_sdk import _fastjson, schemas
from ocpi_sdk import converter as converter_module
from ocpi_sdk.converter import OcpiConverter
from ocpi_sdk.errors import PayloadError
from tests.examples import EXAMPLES, Envelope, Full, Many, Partial, SpecError, examples_root
from tests.mutations import mutations
from tests.schema_strategies import for_object

EXACT = hasattr(converter_module, "parse_json")


def package(version: str) -> Any:
    return importlib.import_module("ocpi_sdk.v" + version.replace(".", "_"))


class _Off:
    def decode(self, raw: Any, cls: Any) -> Any:
        return _fastjson.FALLBACK

    def encode(self, obj: Any) -> Any:
        return _fastjson.FALLBACK


def reference(converter: OcpiConverter, raw: Any, cls: Any) -> Any:
    """What ``loads`` gives with the fast path switched off (an object or a PayloadError)."""
    fast, converter._fast = converter._fast, _Off()  # type: ignore[assignment]
    try:
        return converter.loads(raw, cls)
    except PayloadError as exc:
        return exc
    finally:
        converter._fast = fast


def reference_dumps(converter: OcpiConverter, obj: Any) -> bytes | Exception:
    """What ``dumps`` gives with the fast path switched off (the bytes or the error)."""
    fast, converter._fast_out = converter._fast_out, _Off()  # type: ignore[assignment]
    try:
        return converter.dumps(obj)
    except Exception as exc:
        return exc
    finally:
        converter._fast_out = fast


def check_dumps(converter: OcpiConverter, obj: Any) -> bool:
    """The fast ``dumps`` writes the reference's very bytes, or leaves ``obj`` to it."""
    fast = converter._fast_out.encode(obj)
    if fast is _fastjson.FALLBACK:
        return False
    expected = reference_dumps(converter, obj)
    assert not isinstance(expected, Exception), "fast dumps wrote what the reference refuses"
    assert fast == expected
    return True


def same(a: Any, b: Any, path: str = "$") -> None:
    """``a`` and ``b`` are the same value with the same types all the way down."""
    assert type(a) is type(b), f"{path}: {type(a).__name__} != {type(b).__name__}"
    if attrs.has(type(a)):
        for field in attrs.fields(type(a)):
            same(getattr(a, field.name), getattr(b, field.name), f"{path}.{field.name}")
    elif isinstance(a, list):
        assert len(a) == len(b), f"{path}: {len(a)} != {len(b)} items"
        for index, (x, y) in enumerate(zip(a, b, strict=True)):
            same(x, y, f"{path}[{index}]")
    elif isinstance(a, datetime):
        assert (a, a.tzinfo) == (b, b.tzinfo), f"{path}: {a!r} != {b!r}"
    elif isinstance(a, Decimal):
        # digit for digit where the reference reads numbers from their text (parse_json)
        assert (a.as_tuple() == b.as_tuple()) if EXACT else (a == b), f"{path}: {a} != {b}"
    else:
        assert a == b, f"{path}: {a!r} != {b!r}"
        if hasattr(a, "known"):
            assert a.known == b.known, path


def check(converter: OcpiConverter, raw: bytes | str, cls: Any) -> bool:
    """Compare one input; True when the fast path answered it. When it falls back, ``loads``
    runs the reference path itself, so its objects and errors are the reference's."""
    fast = converter._fast.decode(raw, cls)
    if fast is _fastjson.FALLBACK:
        return False
    expected = reference(converter, raw, cls)
    assert not isinstance(expected, PayloadError), (
        f"fast path accepted what the reference rejects: {expected}"
    )
    same(fast, expected)
    return True


def _targets() -> list[tuple[str, str, str, str]]:
    cases = []
    for version, files in EXAMPLES.items():
        for file, use in files.items():
            name = getattr(use, "name", None)
            if isinstance(use, Full | Partial | Many | SpecError) and name:
                shape = "many" if isinstance(use, Many) else "one"
                if isinstance(use, SpecError) and use.envelope:
                    shape = "envelope"
                cases.append((version, file, name, shape))
            elif isinstance(use, Envelope) and use.name:
                cases.append((version, file, use.name, "envelope"))
    return cases


TARGETS = _targets()


@pytest.mark.parametrize(
    ("version", "file", "name", "shape"), TARGETS, ids=[f"{t[0]}/{t[1]}" for t in TARGETS]
)
def test_every_example_reads_the_same(
    examples_dir: Path, version: str, file: str, name: str, shape: str
) -> None:
    pkg = package(version)
    cls = getattr(pkg, name)
    text = (examples_dir / version / file).read_bytes()
    payload = json.loads(text)
    if shape == "envelope":
        payload = payload.get("data") if isinstance(payload, dict) else payload
        shape = "many" if isinstance(payload, list) else "one"
        text = json.dumps(payload).encode()
    target = list[cls] if shape == "many" else cls
    taken = [
        check(pkg.converter, raw, target)
        for raw in (text, json.dumps(payload).encode(), json.dumps(payload, indent=2))
    ]
    use = EXAMPLES[version][file]
    if isinstance(use, Full | Many):
        assert all(taken), "a complete example should take the fast path"
        assert check_dumps(pkg.converter, pkg.loads(text, target))


FULL = [
    (v, f, u.name) for v, files in EXAMPLES.items() for f, u in files.items() if isinstance(u, Full)
]


@pytest.mark.parametrize(("version", "file", "name"), FULL, ids=[f"{v}/{f}" for v, f, _ in FULL])
def test_every_mutation_reads_the_same(
    examples_dir: Path, version: str, file: str, name: str
) -> None:
    pkg = package(version)
    cls = getattr(pkg, name)
    payload = json.loads((examples_dir / version / file).read_text(encoding="utf-8"))
    found = mutations(version, name, payload)
    assert found
    for mutation in found:
        raw = json.dumps(mutation.payload).encode()
        check(pkg.converter, raw, cls)
        check(pkg.converter, raw, list[cls])  # as one item of a page


OBJECTS = [
    (version, name)
    for version in schemas.versions()
    for name in schemas.names(version)
    if schemas.kind(version, name) in ("object", "class") and name != "Response"
]


@pytest.mark.parametrize(("version", "name"), OBJECTS, ids=[f"{v}-{n}" for v, n in OBJECTS])
def test_generated_payloads_read_the_same(version: str, name: str) -> None:
    pkg = package(version)
    cls = getattr(pkg, name)

    taken: list[bool] = []

    @settings(
        max_examples=10,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
        database=None,
    )
    @given(for_object(version, name))
    def run(payload: Any) -> None:
        taken.append(check(pkg.converter, json.dumps(payload), cls))
        try:
            model = pkg.loads(json.dumps(payload), cls)
        except PayloadError:
            return
        assert check_dumps(pkg.converter, model)

    run()
    assert any(taken), "no generated payload took the fast path"


PRICE = '{"type": "ENERGY", "price": %s, "step_size": 1}'
CDR_TIMES = ("start_date_time", "end_date_time", "last_updated")


@pytest.mark.parametrize(
    ("price", "fast"),
    [
        ("0.25", True),
        ("2.50", True),
        ("10", True),
        ("-0", True),
        ("1E5", True),
        ("1.5e-3", True),
        ('"2.50"', False),  # a string where a number is expected: the reference rejects it
        ("1e400", False),
        ("1e-400", False),
        ("123456789012345678901234567890", False),
        ("1." + "0" * 100, False),  # hundreds of digits: left to the reference
        ("null", False),
        ("true", False),
    ],
)
def test_numbers_read_the_same(price: str, fast: bool) -> None:
    from ocpi_sdk.v2_2_1 import PriceComponent, converter

    assert check(converter, PRICE % price, PriceComponent) is fast


TOKEN = '{"country_code": %s, "party_id": "TNM", "uid": "1", "type": "RFID", "contract_id": "C"}'


@pytest.mark.parametrize(
    ("country_code", "fast"),
    [
        ('"NL"', True),
        (r'"\u00e9\u00e9"', True),  # two code points, four UTF-8 bytes: within string(2)
        (r'"\ud83d\ude00\ud83d\ude00"', True),  # two code points outside the BMP
        ('"NLD"', False),  # one over the limit: the reference names the field
        (r'"\u00e9\u0301x"', False),  # three code points, however it is rendered
    ],
)
def test_string_limits_count_code_points_as_the_reference(country_code: str, fast: bool) -> None:
    """The mirrors check ``maxLength`` in msgspec (``Meta``), not in the class's Python checks:
    the two count the same characters."""
    from ocpi_sdk.v2_2_1 import CdrToken, converter

    assert check(converter, TOKEN % country_code, CdrToken) is fast


def test_the_mirrors_carry_every_constraint_of_the_classes() -> None:
    """Each generated class's ``__attrs_post_init__`` checks exactly its fields' ``metadata``; the
    fast path reads those as msgspec constraints and runs no class check: every field with a
    limit refuses one character (or item) past it, for every class of every version."""
    for version in ("2.1.1", "2.2.1", "2.3.0"):
        converter = package(version).converter
        mirrors = converter._fast._mirrors()
        for cls in converter.classes:
            for field in attrs.fields(cls):
                for rule, limit in field.metadata.items():
                    annotation = str(mirrors[cls].__annotations__[field.name])
                    name = {"items_max_length": "max_length", "min_items": "min_length"}.get(
                        rule, rule
                    )
                    assert f"{name}={limit}" in annotation, (cls, field.name, annotation)


@pytest.mark.parametrize(
    "raw",
    [
        '{"type": "ENERGY", "price": 1, "step_size": 1.0}',  # an integer written as 1.0
        '{"type": "ENERGY", "price": 1, "step_size": true}',
        '{"type": "ENERGY", "price": 1, "step_size": 18446744073709551616}',
        '{"type": "ENERGY", "\\u0070rice": "1", "step_size": 1}',  # an escaped key
        '{"type": "ENERGY", "price": 1, "step_size": 1, "price": 2}',  # a repeated key
        '{"type": "ENERGY", "price": 1, "step_size": 1, "x": [1, {"y": null}]}',
        '{"type": "NEW_KIND", "price": 1, "step_size": 1}',
        '{"type": "ENERGY", "price": 1, "step_size": 1} x',
        '{"type": "ENERGY", "price": 1, "step_size": 1, "x": "\\ud800"}',
        b'{"type": "ENERGY", "price": 1, "step_size": 1, "x": "\xff"}',
        b'{"type": "ENERGY", "price": 1, "step_size": 1, "x": "\xed\xa0\x80"}',
    ],
)
def test_odd_json_reads_the_same(raw: str | bytes) -> None:
    from ocpi_sdk.v2_2_1 import PriceComponent, converter

    check(converter, raw, PriceComponent)


@pytest.mark.parametrize(
    "value",
    [
        "2015-06-29T20:39:09Z",
        "2015-06-29T20:39:09",
        "2015-06-29T20:39:09.123Z",
        "2015-06-29T20:39:09.1234567Z",
        "2015-06-29T20:39:09.9999995Z",
        "2015-06-29t20:39:09z",
        "2015-06-29 20:39:09Z",
        "2015-06-29T20:39:09+02:00",
        "2015-06-29T20:39:09-00:00",
        "2015-06-29T20:39Z",
        "2015-06-29",
        "2015-06-29T24:00:00Z",
        "20150629T203909Z",
        "2015-06-29T20:39:09,5Z",
        "2015-06-29T20:39:09.9999994Z",
        "2015-06-29T23:59:59.99999951",  # rounds up into the next day
        "2015-12-31T23:59:59.999999999999999999999999999Z",
        "9999-12-31T23:59:59.9999995Z",  # rounds past the last representable instant
        "2015-06-29T20:39:09.123456",
        "2015-06-29T20:39:09.Z",
        "2015-06-29T20:39:09+01",
        "2015-06-29T20:39:09+0130",
        "2015-06-29T20:39:09+01:30:15",
        "2015-06-29T20:39:09+23:59",
        "2015-02-29T20:39:09Z",
        "2016-02-29T20:39:09Z",
        "2015-W26-1T10:00:00",
        " 2015-06-29T20:39:09Z",
        "2015-06-29T20:39:09Z ",
        "2015-06-29T20:39:09ZZ",
    ],
)
def test_datetimes_read_the_same(examples_dir: Path, value: str) -> None:
    from ocpi_sdk.v2_2_1 import CDR, converter

    payload = json.loads((examples_dir / "2.2.1" / "cdr_example.json").read_text())
    for key in CDR_TIMES:
        payload[key] = value
    check(converter, json.dumps(payload), CDR)


_PIECES = st.sampled_from(
    [
        "2015",
        "-",
        "06",
        "29",
        "T",
        "t",
        " ",
        "20",
        ":",
        "39",
        "09",
        ".",
        ",",
        "Z",
        "z",
        "+",
        "01",
        "00",
        "5",
        "9",
        "1234567",
        "0",
        "W",
        "12",
        "31",
        "23",
        "59",
        "99999",
        "24",
        "60",
        "30",
    ]
)


@settings(max_examples=3000, deadline=None)
@given(
    st.one_of(
        st.lists(_PIECES, max_size=14).map("".join),
        st.tuples(
            st.sampled_from(["2015-06-29", "2016-02-29", "2015-12-31", "0001-01-01", "9999-12-31"]),
            st.sampled_from(["T", "t", " "]),
            st.sampled_from(["20:39:09", "23:59:59", "00:00:00"]),
            st.sampled_from(
                ["", ".", ".5", ".123", ".123456", ".1234565", ".9999995", ".99999949"]
            ),
            st.sampled_from(["", "Z", "z", "+00:00", "-00:00", "+01:00", "-05:30", "+0100", "+01"]),
        ).map("".join),
    )
)
def test_any_datetime_msgspec_reads_the_converter_reads_alike(text: str) -> None:
    """Whatever msgspec's RFC 3339 reader accepts, the converter's ``parse_datetime`` accepts
    too and reads as the same instant (the mirror's ``to_utc`` then writes it in UTC)."""
    from ocpi_sdk.converter import parse_datetime, to_utc

    try:
        fast = msgspec.json.decode(json.dumps(text).encode(), type=datetime)
    except msgspec.ValidationError:
        return
    try:
        reference = parse_datetime(text)
    except OverflowError:  # in UTC it is beyond year 9999 or before year 1: both refuse it
        with pytest.raises(OverflowError):
            to_utc(fast)
        return
    assert to_utc(fast) == reference
    assert to_utc(fast).tzinfo is reference.tzinfo


def test_the_classes_are_left_as_they_are() -> None:
    from ocpi_sdk.v2_2_1 import CDR, Location, converter

    root = examples_root()
    if root is not None:
        raw = (root / "2.2.1" / "location_example.json").read_bytes()
        assert converter._fast.decode(raw, Location) is not _fastjson.FALLBACK
    converter._fast.decode(b"{}", CDR)
    for cls in converter.classes:
        assert "__msgspec_cache__" not in vars(cls)
        assert "__attrs_pre_init__" not in vars(cls)
        namespace = vars(sys.modules[cls.__module__])
        assert namespace.get("Decimal", Decimal) is Decimal
        assert namespace.get("datetime", datetime) is datetime


def test_the_classes_are_left_as_they_are_while_decoders_are_built(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Another thread may read the generated classes (annotations, new models) while a decoder
    is built: what it sees then is the classes and their modules as they are."""
    from ocpi_sdk.v2_2_1 import CDR, Location
    from ocpi_sdk.v2_2_1 import converter as shared

    converter = OcpiConverter("2.2.1", shared.classes)  # a fresh one: no decoder built yet
    modules = {cls.__module__: dict(vars(sys.modules[cls.__module__])) for cls in converter.classes}
    classes = {cls: dict(vars(cls)) for cls in converter.classes}
    seen: list[Any] = []
    real_decoder = msgspec.json.Decoder

    def watching(*args: Any, **kwargs: Any) -> Any:
        seen.append(args[0] if args else kwargs.get("type"))
        for name, namespace in modules.items():
            assert dict(vars(sys.modules[name])) == namespace
        for cls, namespace in classes.items():
            assert dict(vars(cls)) == namespace
        return real_decoder(*args, **kwargs)

    monkeypatch.setattr(msgspec.json, "Decoder", watching)
    assert converter._fast.decode(b'{"country_code": 1}', Location) is _fastjson.FALLBACK
    converter._fast.decode(b"{}", CDR)
    assert len(seen) == 2  # both decoders were built under watch


OPEN_ENUM = """{"id": "1", "standard": "NEW_PLUG", "format": "CABLE", "power_type": "DC",
    "max_voltage": 400, "max_amperage": 100, "last_updated": "2024-01-01T00:00:00Z"}"""


def test_dumps_writes_the_same_for_every_value(examples_dir: Path) -> None:
    from ocpi_sdk import v2_3_0 as v230
    from ocpi_sdk.v2_2_1 import CDR, Location, converter

    cdr = converter.loads((examples_dir / "2.2.1" / "cdr_example.json").read_bytes(), CDR)
    location = converter.loads(
        (examples_dir / "2.2.1" / "location_example.json").read_bytes(), Location
    )
    moment = cdr.last_updated
    for when in (
        moment,
        moment.replace(microsecond=200000),
        moment.replace(microsecond=123456),
        moment.replace(tzinfo=None),
        moment.astimezone(timezone(timedelta(hours=2))),
        moment.replace(year=999),
    ):
        assert check_dumps(converter, attrs.evolve(cdr, last_updated=when, end_date_time=when))
    price = cdr.tariffs[0].elements[0].price_components[0]
    for number in ("2.50", "1E+2", "1E-7", "-0", "123456789012345678901234567890.5"):
        assert check_dumps(converter, attrs.evolve(price, price=Decimal(number)))
    assert not check_dumps(converter, attrs.evolve(price, price=Decimal("NaN")))
    assert check_dumps(converter, attrs.evolve(price, type=None))  # a required field unset
    assert check_dumps(v230.converter, v230.loads(OPEN_ENUM, v230.Connector))
    assert check_dumps(converter, [location, cdr, price])
    assert check_dumps(converter, [])
    assert not check_dumps(converter, attrs.evolve(cdr, cdr_token=None))
    assert not check_dumps(converter, {"a": cdr})


@pytest.mark.parametrize(
    "body",
    [
        b'{"data": [{"a": 1.5}], "status_code": 1000, "timestamp": "2024-01-01T00:00:00Z"}',
        b'{"status_code": 1000, "data": null}',
        b'{"status_code": "1000", "data": {"a": [1, 2]}, "status_message": "\\u00e9"}',
        b'{"status_code": 1000, "data": [], "data": [1]}',
        '{"status_code": 1000, "data": ["Düsseldorf"]}'.encode(),
        b'{"status_code": 1000}',
        b"[1, 2]",
        b'"text"',
        b"<html>error</html>",
        b'{"status_code": 1000, "data": [1, 2',
        b'{"status_code": 1000, "data": [1,, 2]}',
        b'{"status_code": 1000, "data": ["\xff"]}',
        b'{"status_code": NaN, "data": []}',
        b'{"status_code": 1000, "data": []} trailing',
    ],
)
def test_the_envelope_reads_as_orjson_reads_it(body: bytes) -> None:
    """The client splits a response body into its members and ``data``'s text; parsed, that is
    what orjson gives for the whole body, and a body orjson refuses is refused the same way."""
    try:
        expected = orjson.loads(body)
    except orjson.JSONDecodeError:
        with pytest.raises(orjson.JSONDecodeError):
            _fastjson.read_envelope(body)
        return
    document = _fastjson.read_envelope(body)
    if isinstance(document, dict) and isinstance(document.get("data"), _fastjson.RawData):
        document = {**document, "data": document["data"].parse()}
    assert document == expected
    if isinstance(expected, dict):
        assert list(document) == list(expected)  # the members in the order sent
