"""What the translation tests share: the caller's context, the round-trip law and JSON diffs."""

from __future__ import annotations

import copy
from collections.abc import Mapping
from typing import Any

from ocpi_sdk.translation import Conversion, convert, parse_path

Path = tuple[str | int, ...]

# What a caller (a hub) knows beside the object: the owner, the token, the tax regime, ...
CONTEXT: dict[str, Any] = {
    "country_code": "NL",
    "party_id": "EXA",
    "time_zone": "Europe/Amsterdam",
    "postal_code": "1000 AA",
    "tax_included": "NO",
    "role": "CPO",
    "timeout": 30,
    "cdr_token": {"uid": "012345678", "type": "RFID", "country_code": "NL", "party_id": "EMS"},
    "hub_business_details": {"name": "Example Hub"},
    "cdr_location.evse_id": "NL*EXA*E1",
    "Connector.voltage": 230,
    "Connector.amperage": 16,
}

LOCATION_211: dict[str, Any] = {
    "id": "LOC1",
    "type": "ON_STREET",
    "address": "Street 1",
    "city": "Town",
    "postal_code": "1000 AA",
    "country": "NLD",
    "coordinates": {"latitude": "52.000000", "longitude": "4.000000"},
    "evses": [
        {
            "uid": "EVSE1",
            "status": "AVAILABLE",
            "connectors": [
                {
                    "id": "1",
                    "standard": "IEC_62196_T2",
                    "format": "SOCKET",
                    "power_type": "AC_3_PHASE",
                    "voltage": 230,
                    "amperage": 16,
                    "last_updated": "2015-06-29T20:39:09Z",
                }
            ],
            "last_updated": "2015-06-29T20:39:09Z",
        }
    ],
    "last_updated": "2015-06-29T20:39:09Z",
}


def location_for(payload: Mapping[str, Any]) -> dict[str, Any]:
    """A 2.1.1 Location holding the Location, EVSE and Connector a 2.2.1+ Session names."""
    location = copy.deepcopy(LOCATION_211)
    location["id"] = payload.get("location_id", location["id"])
    location["evses"][0]["uid"] = payload.get("evse_uid", "EVSE1")
    location["evses"][0]["connectors"][0]["id"] = payload.get("connector_id", "1")
    return location


def context_for(payload: Any, name: str) -> dict[str, Any]:
    """The caller's context for converting ``payload``."""
    context = dict(CONTEXT)
    if not isinstance(payload, dict):
        return context
    if name == "Session" and "location_id" in payload:
        context["location"] = location_for(payload)
    location = payload.get("location")
    if name in ("Session", "CDR") and isinstance(location, dict) and location.get("evses"):
        evse = location["evses"][0]  # the EVSE and Connector a 2.1.1 object is about
        context["evse_uid"] = evse.get("uid")
        if evse.get("connectors"):
            context["connector_id"] = evse["connectors"][0].get("id")
    return context


def holds_its_evse(payload: Any, name: str) -> bool:
    """A 2.1.1 Session or CDR whose Location lists the EVSE and Connector it is about (as the
    spec wants); others need more context than a test can make up."""
    location = payload.get("location") if isinstance(payload, dict) else None
    if name not in ("Session", "CDR") or not isinstance(location, dict):
        return True
    evses = location.get("evses") or []
    return bool(evses) and bool(evses[0].get("connectors"))


def back_context(original: Any, name: str) -> dict[str, Any]:
    """The context for converting back: what the original said, as its owner knows it."""
    context = context_for(original, name)
    if isinstance(original, dict):
        context.update({k: v for k, v in original.items() if v is not None})
        roles = original.get("roles")
        if isinstance(roles, list) and roles and isinstance(roles[0], dict):
            context["role"] = roles[0].get("role", context["role"])
    return context


def differences(a: Any, b: Any, path: Path = ()) -> list[Path]:
    """The paths where two JSON values differ (leaves; a list of another length as a whole)."""
    if isinstance(a, dict) and isinstance(b, dict):
        out: list[Path] = []
        for key in sorted(set(a) | set(b)):
            if (a.get(key) is None) and (b.get(key) is None):
                continue
            if key not in a or key not in b:
                out.append((*path, key))
            else:
                out.extend(differences(a[key], b[key], (*path, key)))
        return out
    if isinstance(a, list) and isinstance(b, list):
        if len(a) != len(b):
            return [path]
        return [
            p
            for i, (x, y) in enumerate(zip(a, b, strict=True))
            for p in differences(x, y, (*path, i))
        ]
    if type(a) is bool or type(b) is bool:
        return [] if a is b else [path]
    return [] if a == b else [path]


def related(path: Path, other: Path) -> bool:
    """One path is the other or lies under it."""
    short = min(len(path), len(other))
    return path[:short] == other[:short]


def unexplained(original: Any, forward: Conversion, back: Conversion) -> list[Path]:
    """Where converting there and back changed the original and no loss names the place.

    The forward losses are paths of the original; the backward ones, and the values the forward
    conversion took from the context, are paths of the forward result, named in the original by
    ``forward.source_of``.
    """
    named = [parse_path(loss.path) for loss in forward.losses]
    named += [parse_path(forward.source_of(loss.path)) for loss in back.losses]
    named += [parse_path(forward.source_of(path)) for path in forward.supplied]
    return [
        path
        for path in differences(original, back.value)
        if not any(related(path, loss) for loss in named)
    ]


def there_and_back(
    original: Any, name: str, source: str, target: str, *, partial: bool = False
) -> tuple[Conversion, Conversion]:
    forward = convert(
        original,
        target,
        from_version=source,
        object_name=name,
        context=context_for(original, name),
        partial=partial,
    )
    back = convert(
        forward.value,
        source,
        from_version=target,
        object_name=name,
        context=back_context(original, name),
        partial=partial,
    )
    return forward, back
