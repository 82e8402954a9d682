"""The OCPI JSON Schema registry and payload validation.

>>> from ocpi_sdk import schemas
>>> schemas.versions()
['2.1.1', '2.2.1']
>>> schemas.validate({"latitude": "52.5"}, "GeoLocation", version="2.2.1")[0].path
'$.longitude'

The schemas are the files of the repository's ``schemas/`` folder, shipped inside the wheel.
Validators are compiled once per version and object and cached.
"""

from __future__ import annotations

from ocpi_sdk.schemas._interfaces import interfaces
from ocpi_sdk.schemas._registry import get, kind, names, uri, versions
from ocpi_sdk.schemas._validation import (
    MAX_LISTED,
    Problem,
    Report,
    check,
    check_envelope,
    check_patch,
    fast_validator,
    is_valid,
    json_path,
    parse_path,
    patch_required,
    reference_check,
    reference_validator,
    validate,
)

__all__ = [
    "MAX_LISTED",
    "Problem",
    "Report",
    "check",
    "check_envelope",
    "check_patch",
    "fast_validator",
    "get",
    "interfaces",
    "is_valid",
    "json_path",
    "kind",
    "names",
    "parse_path",
    "patch_required",
    "reference_check",
    "reference_validator",
    "uri",
    "validate",
    "versions",
]
