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
import enum
import functools
import operator
import threading
import types
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from decimal import Decimal
from typing import Annotated, Any, Final, Union, get_args, get_origin

import attrs
import msgspec
import orjson

__all__ = ["FALLBACK", "FastDecoder", "FastEncoder", "RawData", "read_envelope"]

FALLBACK: Final = object()
"""What :meth:`FastDecoder.decode` answers when the converter's own path must decide."""

_SCALARS = (str, bool, int, Decimal, datetime)


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
        return _walkable(
            type_,
            self._classes,
            seen,
            own_class=lambda cls: "__attrs_pre_init__" not in vars(cls),
            own_field=_same_name,
            list_item=lambda item: item is not Decimal,
        )


def _walkable(
    type_: Any,
    classes: Any,
    seen: set[type],
    *,
    own_class: Callable[[type], bool],
    own_field: Callable[[attrs.Attribute[Any]], bool],
    list_item: Callable[[Any], bool],
) -> bool:
    """Whether every type reachable from ``type_`` is one a fast path handles: scalars, string
    enums, generated ``classes`` (passing ``own_class``, each field passing ``own_field``),
    lists of such (items passing ``list_item``) and ``X | None``. The decoder and the encoder
    differ only in those three rules."""
    if type_ in _SCALARS:
        return True
    if isinstance(type_, type) and issubclass(type_, enum.Enum):
        return issubclass(type_, str)
    walk = functools.partial(
        _walkable,
        classes=classes,
        seen=seen,
        own_class=own_class,
        own_field=own_field,
        list_item=list_item,
    )
    if type_ in classes:
        if type_ in seen:
            return True
        seen.add(type_)
        if not own_class(type_):
            return False
        return all(own_field(f) and walk(f.type) for f in attrs.fields(type_))
    origin = get_origin(type_)
    args = get_args(type_)
    if origin is list:
        return list_item(args[0]) and walk(args[0])
    if origin in (Union, types.UnionType):
        others = [a for a in args if a is not type(None)]
        return len(others) == 1 and len(args) == 2 and walk(others[0])
    return False


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
    fields = [f for f in attrs.fields(cls) if f.default is not attrs.NOTHING and not _is_factory(f)]
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


def _is_factory(field: attrs.Attribute[Any]) -> bool:
    return isinstance(field.default, attrs.Factory)  # type: ignore[arg-type]


def _same_name(field: attrs.Attribute[Any]) -> bool:
    """A plain field read and written under its own name (the converter renames ``from_`` to
    ``from``; a field outside ``__init__`` is not read at all)."""
    return field.init and not field.name.endswith("_") and field.alias == field.name


class FastEncoder:
    """``dumps`` without cattrs: per-class functions, generated from the attrs fields when first
    needed, that build the same dicts as the converter's unstructuring (fields in order, ``None``
    fields left out), written by orjson with the converter's own ``default`` for numbers.
    Each class has one function that builds its objects' dicts and those of every object
    inside them (see :class:`_Writer`).

    The converter's own unstructure hooks turn DateTimes and numbers (``unstructure_hook`` is
    its ``get_unstructure_hook``), with two shortcuts checked once, here: a whole-second UTC
    DateTime is handed to orjson as it is (``OPT_UTC_Z``, in C) when that gives the very text
    the hook gives, and a finite ``Decimal`` whose ``str`` has no exponent is handed to orjson
    as the ``orjson.Fragment`` of its ``str`` (no ``default`` call) when the hook keeps
    Decimals as they are and ``default`` writes such a Decimal as its ``str``.
    Anything unexpected (a class it has no function for, a value of the wrong type) answers
    :data:`FALLBACK`, and the converter writes it its own way.
    """

    def __init__(
        self,
        classes: Sequence[type],
        unstructure_hook: Callable[[type], Callable[[Any], Any]],
        default: Callable[[Any], Any],
    ) -> None:
        self._classes = {cls: None for cls in classes}
        self._default = default
        format_datetime = unstructure_hook(datetime)
        number = unstructure_hook(Decimal)
        sample = datetime(2015, 6, 29, 20, 39, 9, tzinfo=UTC)
        native = orjson.dumps(sample, option=orjson.OPT_UTC_Z) == orjson.dumps(
            format_datetime(sample)
        )
        samples = (Decimal("2.50"), Decimal("1E+3"), Decimal("-0"))
        digits = (Decimal("2.50"), Decimal("-0"), Decimal("0.000001"), Decimal("-12345678901.5"))
        self._namespace: dict[str, Any] = {
            "_fmt": format_datetime,
            "_num": number,
            "_Decimal": Decimal,
            "_F": orjson.Fragment,
            "_UTC": UTC,
            "_native": native,
            "_own_digits": all(number(d) is d for d in samples)
            and all(orjson.dumps(d, default=default) == str(d).encode() for d in digits),
        }
        self._dumpers: dict[type, Callable[[Any], Any]] | None = None
        self._lock = threading.Lock()

    def encode(self, obj: Any) -> Any:
        """``obj`` (a model or a list of models) as JSON bytes, or :data:`FALLBACK`."""
        dumpers = self._dumpers if self._dumpers is not None else self._build()
        try:
            dump = dumpers.get(type(obj))
            if dump is not None:
                data = dump(obj)
            elif type(obj) is list:
                data = [dumpers[type(item)](item) for item in obj]
            else:
                return FALLBACK
            return orjson.dumps(data, default=self._default, option=orjson.OPT_UTC_Z)
        except Exception:  # the converter writes it, or raises its own error
            return FALLBACK

    def _build(self) -> dict[type, Callable[[Any], Any]]:
        with self._lock:
            if self._dumpers is not None:
                return self._dumpers
            eligible = [cls for cls in self._classes if self._supported(cls, set())]
            source = "\n\n".join(self._function(cls) for cls in eligible)
            namespace = dict(self._namespace)
            exec(source, namespace)  # the generated functions: names are attrs field names
            self._dumpers = {cls: namespace[_dumper_name(cls)] for cls in eligible}
            return self._dumpers

    def _supported(self, type_: Any, seen: set[type]) -> bool:
        """Whether the generated function writes ``type_`` as the converter does: fields under
        their own names whose default, if any, is ``None``."""
        return _walkable(
            type_,
            self._classes,
            seen,
            own_class=lambda cls: True,
            own_field=lambda f: _same_name(f) and (f.default is attrs.NOTHING or f.default is None),
            list_item=lambda item: True,
        )

    def _function(self, cls: type) -> str:
        """The unstructuring function of ``cls`` (see :class:`_Writer`)."""
        writer = _Writer(self._classes, self._namespace)
        lines: list[str] = []
        result = writer.value(cls, "o", lines, "    ", ())
        return "\n".join([f"def {_dumper_name(cls)}(o):", *lines, f"    return {result}"])


_INLINED_LEVELS: Final = 8
"""How many levels of objects one generated function builds (deeper ones are built by their own
class's function): Python refuses a function with more than 20 nested loops."""


class _Writer:
    """The statements of one generated function: the dict the converter's unstructuring makes
    of an object (cattrs with ``omit_if_default``: the fields without a default first, then
    the others when not ``None``), with the objects inside it built in the same function (a
    class already being built, or objects deeper than :data:`_INLINED_LEVELS`, are built by a
    call of their class's function instead), lists by a loop, lists of
    strings and enums as they are (orjson writes them), and the values orjson writes as the
    converter's ``default`` would already made (:meth:`value`)."""

    def __init__(self, classes: Any, namespace: dict[str, Any]) -> None:
        self._classes = classes
        self._native = namespace["_native"]
        self._digits = namespace["_own_digits"]
        self._count = 0

    def _name(self, prefix: str) -> str:
        self._count += 1
        return f"{prefix}{self._count}"

    def value(
        self, type_: Any, source: str, lines: list[str], indent: str, building: tuple[type, ...]
    ) -> str:
        """The expression of ``source`` (a local name, or an attribute of one, that may be
        evaluated more than once) of ``type_`` unstructured; the statements it needs first are
        appended to ``lines``, indented by ``indent``.

        A ``Decimal`` whose ``str`` has no exponent and that is finite is its own
        ``orjson.Fragment``, which is what the converter's ``default`` gives for it; any other
        number goes through the converter's hook (and ``default``, from orjson) as before."""
        origin = get_origin(type_)
        if origin in (Union, types.UnionType):
            body: list[str] = []
            expression = self.value(_without_none(type_), source, body, indent + "    ", building)
            if expression == source:  # None and the value are both written as they are
                return source
            result = self._name("r")
            lines.append(f"{indent}if {source} is None:")
            lines.append(f"{indent}    {result} = None")
            lines.append(f"{indent}else:")
            lines += body
            lines.append(f"{indent}    {result} = {expression}")
            return result
        if origin is list:
            (item,) = get_args(type_)
            each = self._name("x")
            body = []
            expression = self.value(item, each, body, indent + "    ", building)
            if expression == each:  # strings, enums, ...: orjson writes the list itself
                return f"({source} if {source}.__class__ is list else list({source}))"
            result = self._name("l")
            lines.append(f"{indent}{result} = []")
            lines.append(f"{indent}for {each} in {source}:")
            lines += body
            lines.append(f"{indent}    {result}.append({expression})")
            return result
        if type_ is datetime:
            if self._native:
                return (
                    f"({source} if {source}.tzinfo is _UTC and not {source}.microsecond "
                    f"else _fmt({source}))"
                )
            return f"_fmt({source})"
        if type_ is Decimal:
            if self._digits:
                return (
                    f"(_F(s) if {source}.__class__ is _Decimal and 'E' not in (s := str({source}))"
                    f" and {source}.is_finite() else _num({source}))"
                )
            return f"_num({source})"
        if type_ in self._classes:
            if type_ in building or len(building) == _INLINED_LEVELS:
                return f"{_dumper_name(type_)}({source})"
            return self._object(type_, source, lines, indent, (*building, type_))
        return source  # str, bool, int, enums (orjson writes their value)

    def _object(
        self, cls: type, source: str, lines: list[str], indent: str, building: tuple[type, ...]
    ) -> str:
        fields = attrs.fields(cls)
        entries = []
        for field in fields:
            if field.default is attrs.NOTHING:
                value = self._local(field, source, lines, indent)
                expression = self.value(field.type, value, lines, indent, building)
                entries.append(f"{field.name!r}: {expression}")
        result = self._name("d")
        lines.append(f"{indent}{result} = {{{', '.join(entries)}}}")
        for field in fields:
            if field.default is None:
                inner = _without_none(field.type)
                value = self._name("v")
                lines.append(f"{indent}{value} = {source}.{field.name}")
                lines.append(f"{indent}if {value} is not None:")
                body: list[str] = []
                expression = self.value(inner, value, body, indent + "    ", building)
                lines += body
                lines.append(f"{indent}    {result}[{field.name!r}] = {expression}")
        return result

    def _local(
        self, field: attrs.Attribute[Any], source: str, lines: list[str], indent: str
    ) -> str:
        """``source``'s field as an expression to read it by: the attribute itself where it is
        read once (a string, an enum, ...), else a local it is first read into."""
        probe: list[str] = []
        attribute = f"{source}.{field.name}"
        if self.value(field.type, attribute, probe, indent, tuple(self._classes)) == attribute:
            return attribute
        value = self._name("v")
        lines.append(f"{indent}{value} = {attribute}")
        return value


def _without_none(type_: Any) -> Any:
    """``X`` of ``X | None`` (``_walkable`` allows no other union); any other type as it is."""
    if get_origin(type_) in (Union, types.UnionType):
        (inner,) = [a for a in get_args(type_) if a is not type(None)]
        return inner
    return type_


def _dumper_name(cls: type) -> str:
    return f"_dump_{cls.__name__}_{id(cls)}"


class RawData:
    """The ``data`` member of a response envelope, still as its JSON text (see
    :func:`read_envelope`): a page is read once, straight into models, not first into dicts."""

    __slots__ = ("text",)

    def __init__(self, text: bytes) -> None:
        self.text = text

    def parse(self) -> Any:
        """The member as Python data, numbers exact (the converter's ``parse_json``: fractions as
        ``Decimal`` from their text, integers of any size); raises ``PayloadError`` (rule ``json``)
        for text that is not JSON."""
        from ocpi_sdk.converter import parse_json  # the converter imports this module

        return parse_json(self.text)

    def starts_with(self, char: bytes) -> bool:
        """Whether the JSON value is of the kind opened by ``char`` (``b"["``: an array)."""
        return self.text.lstrip(b" \t\r\n")[:1] == char


_MEMBERS = msgspec.json.Decoder(dict[str, msgspec.Raw])


def read_envelope(content: bytes) -> Any:
    """``content`` parsed as ``orjson.loads`` parses it, except that an object's ``data`` member
    is kept as :class:`RawData` (its text) and parsed only when asked. Every other member is
    read by orjson; anything msgspec cannot split (not an object, not JSON, not UTF-8, no
    ``data``) is parsed whole by orjson, which raises its usual error."""
    if not content.isascii():
        try:
            content.decode("utf-8")
        except UnicodeDecodeError:
            return orjson.loads(content)  # raises orjson's own error
    try:
        members = _MEMBERS.decode(content)
    except (msgspec.DecodeError, msgspec.ValidationError):
        return orjson.loads(content)
    if "data" not in members:
        return orjson.loads(content)
    document: dict[str, Any] = {}
    try:
        for key, value in members.items():
            text = bytes(value)
            document[key] = RawData(text) if key == "data" else orjson.loads(text)
    except orjson.JSONDecodeError:
        return orjson.loads(content)
    return document
