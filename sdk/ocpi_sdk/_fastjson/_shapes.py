"""What the fast decoder and encoder share: the answer that leaves a value to the converter, and
the walk that decides which types a fast path handles."""

from __future__ import annotations

import enum
import functools
import types
from collections.abc import Callable
from datetime import datetime
from decimal import Decimal
from typing import Any, Final, Union, get_args, get_origin

import attrs

FALLBACK: Final = object()
"""What the fast paths answer when the converter's own path must decide."""

SCALARS = (str, bool, int, Decimal, datetime)


def walkable(
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
    if type_ in SCALARS:
        return True
    if isinstance(type_, type) and issubclass(type_, enum.Enum):
        return issubclass(type_, str)
    walk = functools.partial(
        walkable,
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


def is_factory(field: attrs.Attribute[Any]) -> bool:
    return isinstance(field.default, attrs.Factory)  # type: ignore[arg-type]


def same_name(field: attrs.Attribute[Any]) -> bool:
    """A plain field read and written under its own name (the converter renames ``from_`` to
    ``from``; a field outside ``__init__`` is not read at all)."""
    return field.init and not field.name.endswith("_") and field.alias == field.name
