"""The fast path of ``loads``: JSON text decoded by msgspec straight into the generated classes.

msgspec reads JSON directly into attrs classes in C (enums by value, open enums through their
``_missing_``). It is only a shortcut: the converter's cattrs path stays the reference.
:meth:`FastDecoder.decode` answers :data:`FALLBACK` whenever it cannot promise the very same
objects, and the converter then takes its usual path, so every error is the reference's error.

msgspec is never given the generated classes themselves: it reads a private mirror of each
(:meth:`FastDecoder._mirrors`, a subclass whose annotations are given as types), so neither the
classes nor their modules change while other threads use them. A mirror's annotations carry
the class's constraints and, where msgspec's own reading differs from the converter's, what
lets the converter's rules decide:

- a ``str`` or ``list`` field carries the length or size limits the generated
  ``__attrs_post_init__`` checks, as msgspec constraints (``Meta``, from the fields'
  ``metadata``, which the generator writes from the same schema keywords as those checks),
  checked in C; the class's own Python checks do not run;
- a ``Decimal`` field is read as any JSON value (msgspec would read ``"2.50"`` as a number): a
  fraction or exponent becomes the ``Decimal`` of its text in C (``float_hook``, a context that
  refuses a number beyond a float's range or with more than 76 digits), and the mirror's
  ``__attrs_post_init__`` (:func:`_post_init`) keeps it, turns an integer into its ``Decimal``
  and refuses anything else (a string, ``true``, an object, ...);
- a ``datetime`` field is read by msgspec as RFC 3339 (in C, as the converter's
  ``parse_datetime`` reads it, digits beyond microseconds rounded alike), and the mirror's
  ``__attrs_post_init__`` puts it in UTC as the converter does (no offset means UTC, an offset
  is the same instant); a form msgspec does not read (no seconds, a comma, a week date, ...)
  falls back.

It also falls back on any msgspec error (a missing field, a wrong type, an unknown value of a
closed enum, a broken constraint, text that is not JSON, ...), on bytes that are not UTF-8, on
``strict=True`` (the converter does not call it then: msgspec ignores unknown fields of attrs
classes) and on target types with anything msgspec may read differently (a field renamed from
its JSON name, ``Any``, a union of several types, numbers inside a list).

A mirror runs no Python once its fields are read unless it has numbers or DateTimes to check
(:func:`_post_init`), and one small function per object (:func:`_pre_init`) before.

``tests/test_fast_path.py`` proves the equivalence on every spec example, every mutation and the
property-test corpus.
"""

from __future__ import annotations

import decimal
import functools
import operator
import threading
import types
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from decimal import Decimal
from typing import Annotated, Any, Union, get_args, get_origin

import attrs
import msgspec

from ocpi_sdk._fastjson._shapes import FALLBACK, is_factory, same_name, walkable

_NUMBERS = decimal.Context(
    prec=76,
    Emax=299,
    Emin=-299,
    traps=[
        getattr(decimal, name)
        for name in (
            "Clamped",
            "DivisionByZero",
            "FloatOperation",
            "Inexact",
            "InvalidOperation",
            "Overflow",
            "Rounded",
            "Subnormal",
            "Underflow",
        )
    ],
)
"""How the fast path reads a fraction's text: exactly, or not at all (any rounding, more than 76
digits, an exponent beyond a float's range raises, and the reference decides)."""


class FastDecoder:
    """msgspec decoders for the attrs classes of one version, built on first use per target."""

    def __init__(self, classes: Sequence[type], to_utc: Callable[[datetime], datetime]) -> None:
        self._classes = {cls: None for cls in classes}
        self._decoders: dict[Any, msgspec.json.Decoder[Any] | None] = {}
        self._lock = threading.Lock()
        self._mirrored: dict[type, type] | None = None
        self._to_utc = to_utc

    def decode(self, raw: bytes | bytearray | memoryview | str, cls: Any) -> Any:
        """``raw`` as ``cls`` exactly as the reference converter reads it, or :data:`FALLBACK`."""
        try:
            decoder = self._decoders[cls]
        except (KeyError, TypeError):  # not built yet, or not a type msgspec can key on
            decoder = self._build(cls)
        if decoder is None:
            return FALLBACK
        data = bytes(raw) if isinstance(raw, memoryview) else raw
        if not data.isascii() and not isinstance(data, str):
            try:  # msgspec does not check the UTF-8 of what it skips; the reference does
                data.decode("utf-8")
            except UnicodeDecodeError:
                return FALLBACK
        try:
            return decoder.decode(data)
        except Exception:  # any failure: the reference decides and explains
            return FALLBACK

    def _build(self, cls: Any) -> msgspec.json.Decoder[Any] | None:
        try:
            hash(cls)
        except TypeError:
            return None
        with self._lock:
            if cls in self._decoders:
                return self._decoders[cls]
            decoder: msgspec.json.Decoder[Any] | None = None
            if self._supported(cls, set()):
                mirrors = self._mirrors()
                try:
                    decoder = msgspec.json.Decoder(
                        _mirror_type(cls, mirrors), float_hook=_NUMBERS.create_decimal
                    )
                except (TypeError, NameError):
                    decoder = None
                if any(
                    "__msgspec_cache__" in vars(real) and "__msgspec_cache__" not in vars(mirror)
                    for real, mirror in mirrors.items()
                ):  # msgspec may have read a cache its user left on a generated class
                    decoder = None
            self._decoders[cls] = decoder
            return decoder

    def _mirrors(self) -> dict[type, type]:
        """One private subclass per generated class: what msgspec reads instead of the class.

        The generated classes and modules are never touched. Each mirror's annotations are
        types, not names: the stand-ins for ``Decimal`` and ``datetime`` and the mirrors of the
        nested classes, with the fields' constraints; its ``__attrs_pre_init__``
        (:func:`_pre_init`) makes each new object an instance of the generated class, and its
        ``__attrs_post_init__`` (:func:`_post_init`) replaces the class's own checks. A mirror is
        read once, when the decoders are built."""
        if self._mirrored is not None:
            return self._mirrored
        mirrors: dict[type, type] = {}
        for cls in self._classes:
            namespace: dict[str, Any] = {
                "__slots__": (),
                "__module__": __name__,
                "__attrs_pre_init__": _pre_init(cls),
                "__attrs_post_init__": _post_init(cls, self._to_utc),
            }
            mirrors[cls] = type(f"_Mirror{cls.__name__}", (cls,), namespace)
        for cls, mirror in mirrors.items():
            mirror.__annotations__ = {
                field.name: _mirror_type(field.type, mirrors, field.metadata)
                for field in attrs.fields(cls)
            }
        self._mirrored = mirrors
        return mirrors

    def _supported(self, type_: Any, seen: set[type]) -> bool:
        """Whether msgspec reads ``type_`` as the reference converter does (see the module):
        a class that brings its own ``__attrs_pre_init__`` is left out, and a number inside a
        list could hide a string from the check."""
        return walkable(
            type_,
            self._classes,
            seen,
            own_class=lambda cls: "__attrs_pre_init__" not in vars(cls),
            own_field=same_name,
            list_item=lambda item: item is not Decimal,
        )


def _mirror_type(type_: Any, mirrors: dict[type, type], metadata: Any = None) -> Any:
    """``type_`` as msgspec is told it: generated classes as their mirrors, ``Decimal`` as any
    value (:func:`_post_init` checks it), and the field's
    ``metadata`` (the constraints the class's ``__attrs_post_init__`` checks) as msgspec
    constraints (only types :meth:`FastDecoder._supported` accepted)."""
    limits = metadata or {}
    if type_ is Decimal:
        return Any
    if type_ in mirrors:
        return mirrors[type_]
    if type_ is str and "max_length" in limits:
        return Annotated[str, msgspec.Meta(max_length=limits["max_length"])]
    origin = get_origin(type_)
    if origin is list:
        item = _mirror_type(get_args(type_)[0], mirrors)
        if "items_max_length" in limits:
            item = Annotated[item, msgspec.Meta(max_length=limits["items_max_length"])]
        listed = list[item]  # type: ignore[valid-type]
        if "min_items" in limits:
            return Annotated[listed, msgspec.Meta(min_length=limits["min_items"])]
        return listed
    if origin in (Union, types.UnionType):
        return functools.reduce(
            operator.or_, [_mirror_type(a, mirrors, metadata) for a in get_args(type_)]
        )
    return type_


def _pre_init(cls: type) -> Callable[[Any], None]:
    """The mirror's ``__attrs_pre_init__``, which msgspec calls on each new object before it
    sets the fields read: the object becomes a ``cls`` (same layout: the mirror adds no slot),
    so msgspec fills and checks (``cls``'s own ``__attrs_post_init__``) a ``cls``; every field
    with a plain default is set to it, which saves msgspec a failed ``hasattr`` (a raised
    AttributeError) per absent field, most of its time on OCPI objects."""
    fields = [f for f in attrs.fields(cls) if f.default is not attrs.NOTHING and not is_factory(f)]
    lines = ["def pre_init(obj):", "    obj.__class__ = _cls"]
    lines += [f"    obj.{f.name} = _d[{i}]" for i, f in enumerate(fields)]
    namespace: dict[str, Any] = {"_cls": cls, "_d": tuple(f.default for f in fields)}
    exec("\n".join(lines), namespace)  # the names are attrs field names
    pre_init: Callable[[Any], None] = namespace["pre_init"]
    return pre_init


def _post_init(cls: type, to_utc: Callable[[datetime], datetime]) -> Callable[[Any], None] | None:
    """The mirror's ``__attrs_post_init__``: ``None`` (no Python runs once msgspec has read the
    fields) unless ``cls`` has number or DateTime fields. A number field is read as any value:
    a ``Decimal`` made by ``float_hook`` is kept, an integer becomes its ``Decimal`` (as the
    converter's), anything else raises, so that the reference decides. A DateTime not in UTC
    is put in UTC by the converter's ``to_utc``."""
    checks = []
    for field in attrs.fields(cls):
        optional = field.default is not attrs.NOTHING
        if field.type in (Decimal, Decimal | None):
            test, fix = "v.__class__ is not _Decimal", "_integer"
        elif field.type in (datetime, datetime | None):
            test, fix = "v.tzinfo is not _UTC", "_to_utc"
        else:
            continue
        guard = "v is not None and " if optional else ""
        checks += [
            f"    v = obj.{field.name}",
            f"    if {guard}{test}:",
            f"        obj.{field.name} = {fix}(v)",
        ]
    if not checks:
        return None
    namespace: dict[str, Any] = {
        "_Decimal": Decimal,
        "_integer": _integer,
        "_UTC": UTC,
        "_to_utc": to_utc,
    }
    exec("\n".join(["def post_init(obj):", *checks]), namespace)  # names: attrs field names
    post_init: Callable[[Any], None] = namespace["post_init"]
    return post_init


def _integer(value: Any) -> Decimal:
    """A JSON integer in a number field as the converter reads it (within 64 bits; anything
    larger, or not an integer, is left to the converter)."""
    if value.__class__ is int and -(1 << 63) <= value < (1 << 64):
        return Decimal(value)
    raise TypeError("left to the converter")
