"""Helpers to compare JSON documents after the SDK's documented normalisations."""

from __future__ import annotations

import re
from typing import Any

from ocpi_sdk.converter import format_datetime, parse_datetime

DATETIME = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})?$")


def normalised(value: Any) -> Any:
    """``value`` as the SDK writes it back: DateTimes in UTC with ``Z`` and no trailing zeros in
    the fraction, ``null`` fields left out. Numbers compare by value (2.00 == 2.0)."""
    if isinstance(value, dict):
        return {k: normalised(v) for k, v in value.items() if v is not None}
    if isinstance(value, list):
        return [normalised(v) for v in value]
    if isinstance(value, str) and DATETIME.match(value):
        return format_datetime(parse_datetime(value))
    return value
