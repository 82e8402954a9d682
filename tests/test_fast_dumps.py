"""The fast ``dumps`` (``_fastjson.FastEncoder``) writes the very bytes of the converter's
reference path (cattrs unstructuring, orjson with ``json_default``), or leaves the object to it.

Each number and DateTime is tried in every kind of place the generated functions write one
from (a required field, an optional one, an object inside an object, an object inside a list,
an optional object inside a list), so every branch of the generated code meets every value.
Where the reference refuses a value (a non-finite number, an exponent out of range), the fast
path must have left it to the reference.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta, timezone
from decimal import Decimal
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import attrs
import orjson
import pytest

from ocpi_sdk import _fastjson
from ocpi_sdk.converter import OcpiConverter
from tests.test_fast_path import check_dumps, reference_dumps


def written(converter: OcpiConverter, obj: Any) -> bool:
    """The fast path wrote ``obj`` as the reference does (True), or left it to the reference,
    which then refuses it (False)."""
    if converter._fast_out.encode(obj) is not _fastjson.FALLBACK:
        return check_dumps(converter, obj)
    assert isinstance(reference_dumps(converter, obj), Exception), "left a writable value"
    return False


def _cdr(examples_dir: Path) -> Any:
    from ocpi_sdk.v2_2_1 import CDR, converter

    return converter.loads((examples_dir / "2.2.1" / "cdr_example.json").read_bytes(), CDR)


def _number_places(cdr: Any) -> dict[str, Callable[[Any], Any]]:
    """Every kind of place a CDR holds a number in: ``cdr`` with ``value`` there."""
    evolve = attrs.evolve
    period = cdr.charging_periods[0]
    tariff = cdr.tariffs[0]
    element = tariff.elements[0]
    component = element.price_components[0]
    restrictions = type(element).__attrs_attrs__.restrictions.type.__args__[0]
    return {
        "required": lambda v: evolve(cdr, total_energy=v),
        "optional": lambda v: evolve(cdr, total_parking_time=v),
        "required in a required object": lambda v: evolve(
            cdr, total_cost=evolve(cdr.total_cost, excl_vat=v)
        ),
        "optional in a required object": lambda v: evolve(
            cdr, total_cost=evolve(cdr.total_cost, incl_vat=v)
        ),
        "in a list of objects": lambda v: evolve(
            cdr,
            charging_periods=[
                evolve(period, dimensions=[evolve(period.dimensions[0], volume=v)] * 2)
            ],
        ),
        "in an optional object in a list": lambda v: evolve(
            cdr,
            tariffs=[
                evolve(
                    tariff,
                    elements=[
                        evolve(
                            element,
                            restrictions=restrictions(min_kwh=v, max_power=v),
                            price_components=[evolve(component, price=v, vat=v)],
                        )
                    ],
                )
            ],
        ),
    }


WRITTEN_NUMBERS = [
    Decimal("2.50"),
    Decimal("0"),
    Decimal("-0"),
    Decimal("-0.00"),
    Decimal("1E+3"),
    Decimal("-1.5E+2"),
    Decimal("1E-7"),
    Decimal("0E-10"),
    Decimal("-0E+2"),
    Decimal("0.000001"),
    Decimal("0.0000001"),
    Decimal("123456789012345678901234567890.123456789012345678901234567890"),
    Decimal("9" * 200),
    Decimal("1E+1000"),  # the converter's MAX_EXPONENT: a thousand digits
    Decimal("1E-1000"),
    2.5,  # a float a caller put in a number field: the Decimal of its repr
    1e16,
    1e-7,
    -0.0,
    7,
    True,
    "2.50",
]
REFUSED_NUMBERS = [
    Decimal("NaN"),
    Decimal("-NaN"),
    Decimal("NaN123"),
    Decimal("sNaN"),
    Decimal("Infinity"),
    Decimal("-Infinity"),
    Decimal("1E+1001"),
    Decimal("1E-1001"),
    float("nan"),
    float("inf"),
]


class _Number(Decimal):
    """A Decimal subclass: not the fast branch's class, the reference's ``default`` writes it."""


@pytest.mark.parametrize("value", [*WRITTEN_NUMBERS, _Number("1.5"), _Number("1E+2")], ids=repr)
def test_numbers_are_written_as_the_reference_writes_them(examples_dir: Path, value: Any) -> None:
    from ocpi_sdk.v2_2_1 import converter

    for place, put in _number_places(_cdr(examples_dir)).items():
        assert written(converter, put(value)), place


@pytest.mark.parametrize("value", REFUSED_NUMBERS, ids=repr)
def test_numbers_the_reference_refuses_are_left_to_it(examples_dir: Path, value: Any) -> None:
    from ocpi_sdk.v2_2_1 import converter

    for place, put in _number_places(_cdr(examples_dir)).items():
        assert not written(converter, put(value)), place


MOMENT = datetime(2015, 6, 29, 21, 39, 9, tzinfo=UTC)
DATETIMES = [
    MOMENT,
    MOMENT.replace(microsecond=200000),
    MOMENT.replace(microsecond=123456),
    MOMENT.replace(microsecond=999),
    MOMENT.replace(microsecond=1000),
    MOMENT.replace(tzinfo=None),
    MOMENT.replace(tzinfo=None, microsecond=5),
    MOMENT.astimezone(timezone(timedelta(hours=2))),
    MOMENT.astimezone(timezone(timedelta(hours=-5, minutes=-30))),
    MOMENT.astimezone(ZoneInfo("Europe/Brussels")),
    MOMENT.replace(tzinfo=ZoneInfo("UTC")),
    MOMENT.replace(tzinfo=timezone(timedelta(0))),
    MOMENT.replace(year=999),
    MOMENT.replace(year=1, month=1, day=1, hour=0),
    datetime.max.replace(tzinfo=UTC),
]


@pytest.mark.parametrize("when", DATETIMES, ids=repr)
def test_datetimes_are_written_as_the_reference_writes_them(
    examples_dir: Path, when: datetime
) -> None:
    from ocpi_sdk.v2_2_1 import converter

    cdr = _cdr(examples_dir)
    period = cdr.charging_periods[0]
    tariff = cdr.tariffs[0]
    for obj in (
        attrs.evolve(cdr, start_date_time=when, last_updated=when),
        attrs.evolve(cdr, charging_periods=[attrs.evolve(period, start_date_time=when)] * 3),
        attrs.evolve(cdr, tariffs=[attrs.evolve(tariff, start_date_time=when)]),
    ):
        assert written(converter, obj)


def test_a_datetime_out_of_range_in_utc_is_left_to_the_reference(examples_dir: Path) -> None:
    from ocpi_sdk.v2_2_1 import converter

    early = datetime(1, 1, 1, tzinfo=timezone(timedelta(hours=2)))
    assert not written(converter, attrs.evolve(_cdr(examples_dir), last_updated=early))


def test_lists_of_strings_are_written_as_the_reference_writes_them(examples_dir: Path) -> None:
    from ocpi_sdk.v2_2_1 import Location, converter

    location = converter.loads(
        (examples_dir / "2.2.1" / "location_example.json").read_bytes(), Location
    )
    evse = location.evses[0]

    class Items(list[Any]):
        pass

    for facilities in (
        ["HOTEL", "CAFE"],
        ("HOTEL",),
        Items(["WIFI"]),
        [],
        ["NOT_AN_ENUM"],
        "AB",
        {"CAFE": 1},
    ):
        assert written(converter, attrs.evolve(location, facilities=facilities))
    assert written(
        converter, attrs.evolve(location, evses=[attrs.evolve(evse, parking_restrictions=None)])
    )
    assert not written(converter, attrs.evolve(location, facilities=[Decimal("NaN")]))


def test_optional_and_required_objects(examples_dir: Path) -> None:
    from ocpi_sdk.v2_2_1 import converter

    cdr = _cdr(examples_dir)
    assert written(converter, attrs.evolve(cdr, total_time_cost=None, tariffs=None))
    assert written(converter, attrs.evolve(cdr, total_fixed_cost=cdr.total_cost))
    assert written(converter, attrs.evolve(cdr, tariffs=[]))
    # a required object missing: the reference writes null, the fast path leaves it to it
    assert converter._fast_out.encode(attrs.evolve(cdr, cdr_location=None)) is _fastjson.FALLBACK
    assert converter._fast_out.encode(attrs.evolve(cdr, total_cost=3)) is _fastjson.FALLBACK


@attrs.define
class Node:
    """A class that holds itself: its function calls itself instead of building it inline."""

    name: str
    at: datetime
    children: list[Node]
    weight: Decimal | None = None
    first: Node | None = None


def test_a_class_that_holds_itself_is_written_as_the_reference_writes_it() -> None:
    converter = OcpiConverter("test", [Node])
    leaf = Node("leaf", MOMENT.replace(microsecond=1500), [], Decimal("1E+1"))
    tree = Node("root", MOMENT, [Node("a", MOMENT, [leaf]), leaf], Decimal("2.5"), first=leaf)
    assert "_dump_Node" in converter._fast_out._function(Node).split("\n", 1)[1]
    assert check_dumps(converter, tree)
    assert check_dumps(converter, [tree, leaf])


def test_another_default_for_numbers_is_called_for_every_number(examples_dir: Path) -> None:
    """The Fragment shortcut is taken only where it is what ``default`` writes: with another
    ``default`` (numbers as strings), every number goes to it."""
    from ocpi_sdk.v2_2_1 import converter

    def as_string(value: Any) -> Any:
        if isinstance(value, Decimal):
            return str(value)
        raise TypeError(type(value).__name__)

    encoder = _fastjson.FastEncoder(
        converter.classes, converter._lenient.get_unstructure_hook, as_string
    )
    assert not encoder._namespace["_own_digits"]
    for put in _number_places(_cdr(examples_dir)).values():
        for value in (Decimal("2.50"), Decimal("1E+3"), 2.5):
            obj = put(value)
            expected = orjson.dumps(converter.to_dict(obj), default=as_string)
            assert encoder.encode(obj) == expected


def test_objects_nested_deeper_than_one_function_builds() -> None:
    """A chain of 30 classes, each holding a list of the next: deeper levels are built by
    their own class's function (Python refuses more than 20 nested loops in one function)."""
    chain: list[type] = [attrs.make_class("Level30", {"name": attrs.field(type=str)})]
    for level in range(29, 0, -1):
        inner = chain[-1]
        chain.append(
            attrs.make_class(
                f"Level{level}",
                {
                    "items": attrs.field(type=list[inner]),  # type: ignore[valid-type]
                    "at": attrs.field(type=datetime | None, default=None),
                },
            )
        )
    converter = OcpiConverter("test", chain)
    obj: Any = chain[0]("bottom")
    for cls in chain[1:]:
        obj = cls([obj], MOMENT.replace(microsecond=7000))
    assert check_dumps(converter, obj)


@attrs.define
class Loose:
    """Fields whose default is None without ``| None`` in their types."""

    name: str = None  # type: ignore[assignment]
    at: datetime = None  # type: ignore[assignment]
    size: Decimal | None = None


def test_fields_whose_default_is_none_whatever_their_type() -> None:
    converter = OcpiConverter("test", [Loose])
    for obj in (
        Loose(),
        Loose("x", MOMENT, Decimal("1E+1")),
        Loose(at=MOMENT.replace(microsecond=9)),
    ):
        assert check_dumps(converter, obj)
