"""The fast path of ``dumps``: per-class functions that write what the converter writes."""

from __future__ import annotations

import threading
import types
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any, Final, Union, get_args, get_origin

import attrs
import orjson

from ocpi_sdk._fastjson._shapes import FALLBACK, same_name, walkable


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
        return walkable(
            type_,
            self._classes,
            seen,
            own_class=lambda cls: True,
            own_field=lambda f: same_name(f) and (f.default is attrs.NOTHING or f.default is None),
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
    """``X`` of ``X | None`` (``walkable`` allows no other union); any other type as it is."""
    if get_origin(type_) in (Union, types.UnionType):
        (inner,) = [a for a in get_args(type_) if a is not type(None)]
        return inner
    return type_


def _dumper_name(cls: type) -> str:
    return f"_dump_{cls.__name__}_{id(cls)}"
