"""Converting OCPI objects between 2.1.1, 2.2.1 and 2.3.0, with a report of every loss.

>>> from ocpi_sdk.translation import convert
>>> value, losses = convert(location_json, "2.1.1", from_version="2.2.1", object_name="Location")
... # doctest: +SKIP

The rules live in one module per pair of adjacent versions (:mod:`.v2_1_1__v2_2_1`,
:mod:`.v2_2_1__v2_3_0`); 2.1.1 <-> 2.3.0 composes them. Each :class:`Loss` names the JSON path in
the source, what happened (dropped, truncated, approximated, defaulted, invented), why, and the
changelog entry or spec section behind it. What the target needs and the source cannot give comes
from the caller's ``context``, or the call fails with a :class:`ContextError` naming the field.
"""

from __future__ import annotations

from ocpi_sdk.translation._convert import VERSIONS, Conversion, convert, objects, parse_path
from ocpi_sdk.translation._core import (
    KINDS,
    ContextError,
    Loss,
    LossKind,
    NotRepresentableError,
    StrictModeError,
    TranslationError,
    UnsupportedObjectError,
)

__all__ = [
    "KINDS",
    "VERSIONS",
    "ContextError",
    "Conversion",
    "Loss",
    "LossKind",
    "NotRepresentableError",
    "StrictModeError",
    "TranslationError",
    "UnsupportedObjectError",
    "convert",
    "objects",
    "parse_path",
]
