"""The rules between OCPI 2.1.1 and 2.2.1 (both directions).

Each rule names the entry of the 2.2.1 changelog ("Changes between OCPI 2.1.1 and 2.2") or the
spec section it implements. Fields and enum values that only one side defines are handled by the
fitting step; values 2.2.1 needs and 2.1.1 cannot give (``country_code``/``party_id`` of the
owner, the CdrToken's ``uid``/``type``/party, a Location's ``time_zone``, a command response's
``timeout``, ...) come from the caller's context, by the keys the fitting step names.
"""

from __future__ import annotations

import copy
import re
from decimal import ROUND_HALF_EVEN
from typing import Any

from ocpi_sdk import schemas
from ocpi_sdk.translation._core import (
    ContextError,
    NotRepresentableError,
    Path,
    Step,
    number,
    render,
)
from ocpi_sdk.translation._walk import Rule, Rules

LOWER = "2.1.1"
UPPER = "2.2.1"

_CL = "OCPI 2.2.1 changelog, changes between 2.1.1 and 2.2: "
CDR_CHANGES = _CL + "CDRs / CDR object (stop_date_time renamed, auth_id replaced by CdrToken)"
CDR_LOCATION = _CL + "CDRs / CDR object (location replaced by cdr_location, CdrLocation class)"
CDR_PRICE = _CL + "CDRs / CDR object (total_cost became a Price)"
CDR_CREDIT = _CL + "CDRs / CDR object (credit CDRs)"
SESSION_CHANGES = _CL + "Sessions / Session object (location replaced by location_id, evse_uid, "
SESSION_CHANGES += "connector_id; auth_id replaced by CdrToken; *_datetime renamed)"
SESSION_STATUS = _CL + "Sessions / SessionStatus enum (RESERVATION added)"
AUTH_REF = _CL + "authorization_reference added (hubs' 2.1.1 extension authorization_id)"
CONNECTOR = _CL + "Locations / Connector object (voltage, amperage, tariff_id renamed)"
LOCATION_TYPE = _CL + "Locations / Location object (type renamed to parking_type; LocationType)"
PUBLISH = _CL + "Locations / Location object (publish, publish_allowed_to added)"
IMPACT = _CL + "Locations / EnvironmentalImpact class (source renamed to category)"
HOURS = "OCPI 2.2.1 mod_locations.asciidoc: Hours.twentyfourseven (required)"
COORDINATES = "OCPI 2.1.1 mod_locations.md: GeoLocation (exactly 6 decimals)"
TOKEN = _CL + "Tokens / Token object (auth_id renamed to contract_id; TokenType)"
CREDENTIALS = _CL + "Credentials / Credentials object (roles list replaces business_details, "
CREDENTIALS += "party_id, country_code)"
RESERVE = _CL + "Commands / ReserveNow object (reservation_id from int to CiString(36))"
RESTRICTION = _CL + "Tariffs / TariffRestrictions class (min_current, max_current, reservation)"
VERSION = "OCPI 2.1.1 version_information_endpoint.md: VersionNumber enum"
ENDPOINT = "OCPI 2.2.1 version_information_endpoint.asciidoc: Endpoint.role, InterfaceRole enum"
COMMAND_RESULT = (
    _CL + "Commands / CommandResult object (the asynchronous result, a CommandResponse "
)
COMMAND_RESULT += "in 2.1.1) and CommandResultType enum"

# parking_type of 2.2.1 for 2.1.1's LocationType, and back (2.1.1 has no motorway or driveway).
PARKING_TYPE = {k: k for k in ("ON_STREET", "PARKING_GARAGE", "UNDERGROUND_GARAGE", "PARKING_LOT")}
LOCATION_TYPE_OF = {**PARKING_TYPE, "ALONG_MOTORWAY": "PARKING_LOT", "ON_DRIVEWAY": "OTHER"}

# The InterfaceRole a party of each role implements, per module (2.2.1 module chapters; the
# spec advises SENDER for one's own credentials endpoint).
_CPO_SENDS = frozenset({"cdrs", "chargingprofiles", "locations", "sessions", "tariffs"})
INTERFACE_ROLES: dict[str, dict[str, str]] = {
    "CPO": {
        m: "SENDER" if m in _CPO_SENDS else "RECEIVER"
        for m in (
            "cdrs",
            "chargingprofiles",
            "commands",
            "hubclientinfo",
            "locations",
            "sessions",
            "tariffs",
            "tokens",
        )
    },
    "EMSP": {
        m: "RECEIVER" if m in _CPO_SENDS else "SENDER"
        for m in (
            "cdrs",
            "chargingprofiles",
            "commands",
            "locations",
            "sessions",
            "tariffs",
            "tokens",
        )
    },
}
for _table in INTERFACE_ROLES.values():
    _table["credentials"] = "SENDER"


def _one(
    step: Step, items: Any, key: str, field: str, path: Path, what: str
) -> tuple[int, dict[str, Any]] | None:
    """The one EVSE (Connector) of a 2.1.1 Session's or CDR's Location, or the one the context
    names when there are several; None when the Location lists none (the ids then come from the
    context)."""
    if not isinstance(items, list) or not items:
        return None
    wanted = step.lookup((key,))
    if wanted is None and len(items) == 1:
        return 0, items[0]
    for index, item in enumerate(items):
        if isinstance(item, dict) and item.get(field) == wanted:
            return index, item
    raise ContextError(
        render(path),
        (key,),
        f"the 2.1.1 Location lists {len(items)} {what}s; say which one the object is about",
    )


def _auth_id_to_cdr_token(step: Step, obj: dict[str, Any], path: Path) -> None:
    """``auth_id`` (the contract id) becomes ``cdr_token.contract_id``; the token's uid, type and
    owner come from the context (``cdr_token`` whole, or ``cdr_token.uid``, ...)."""
    if "auth_id" not in obj:
        return
    token = dict(step.lookup(("cdr_token",)) or {})
    for field in token:
        step.supply((*path, "cdr_token", field))
    token["contract_id"] = obj.pop("auth_id")
    obj["cdr_token"] = token
    step.moved((*path, "cdr_token", "contract_id"), (*step.origin(path), "auth_id"))


def _cdr_token_to_auth_id(step: Step, obj: dict[str, Any], path: Path, spec: str) -> None:
    token = obj.pop("cdr_token", None)
    if not isinstance(token, dict):
        return
    here = (*step.origin(path), "cdr_token")
    obj["auth_id"] = token.get("contract_id")
    step.moved((*path, "auth_id"), (*here, "contract_id"))
    for field in token:
        if field != "contract_id":
            step.loss((*here, field), "dropped", "2.1.1 knows a token by auth_id only", spec)


def _authorization_up(step: Step, obj: dict[str, Any], path: Path) -> None:
    step.rename(obj, "authorization_id", "authorization_reference", path)


def _authorization_down(step: Step, obj: dict[str, Any], path: Path) -> None:
    if obj.pop("authorization_reference", None) is not None:
        step.loss(
            (*step.origin(path), "authorization_reference"),
            "dropped",
            "2.1.1 has no authorization reference (the hubs' authorization_id is an extension "
            "and is not sent)",
            AUTH_REF,
        )


def _cost_up(step: Step, obj: dict[str, Any], path: Path) -> None:
    if obj.get("total_cost") is not None:
        obj["total_cost"] = {"excl_vat": obj["total_cost"]}
        step.moved((*path, "total_cost", "excl_vat"), (*step.origin(path), "total_cost"))
        step.moved((*path, "total_cost"), (*step.origin(path), "total_cost"))
        step.done((*path, "total_cost"))


def _cost_down(step: Step, obj: dict[str, Any], path: Path) -> None:
    cost = obj.get("total_cost")
    if isinstance(cost, dict):
        obj["total_cost"] = cost.get("excl_vat")
        here = (*step.origin(path), "total_cost")
        step.moved((*path, "total_cost"), (*here, "excl_vat"))
        for field in cost:
            if field != "excl_vat":
                step.loss(
                    (*here, field), "dropped", "a 2.1.1 cost is one number, excl. VAT", CDR_PRICE
                )


# --- 2.1.1 -> 2.2.1 ---------------------------------------------------------------------------


def location_up(step: Step, obj: dict[str, Any], path: Path) -> dict[str, Any]:
    """Location: ``type`` becomes ``parking_type`` (OTHER and UNKNOWN have no counterpart);
    every 2.1.1 Location was public, so ``publish`` is true."""
    kind = obj.pop("type", None)
    if kind in PARKING_TYPE:
        obj["parking_type"] = PARKING_TYPE[kind]
        step.moved((*path, "parking_type"), (*step.origin(path), "type"))
    elif kind is not None:
        step.loss(
            (*step.origin(path), "type"),
            "dropped",
            f"2.2.1 has no parking_type for {kind!r}",
            LOCATION_TYPE,
        )
    if not step.whole(path):
        return obj  # a PATCH changes what it names, nothing else
    obj["publish"] = True
    step.loss(
        (*step.origin(path), "publish"),
        "defaulted",
        "2.1.1 Locations are public: publish is true",
        PUBLISH,
    )
    return obj


def connector_up(step: Step, obj: dict[str, Any], path: Path) -> dict[str, Any]:
    """Connector: ``voltage``/``amperage`` become ``max_voltage``/``max_amperage``;
    ``tariff_id`` becomes the one-item list ``tariff_ids``."""
    step.rename(obj, "voltage", "max_voltage", path)
    step.rename(obj, "amperage", "max_amperage", path)
    if "tariff_id" in obj:
        tariff = obj.pop("tariff_id")
        origin = (*step.origin(path), "tariff_id")
        if tariff is not None:
            obj["tariff_ids"] = [tariff]
            step.moved((*path, "tariff_ids"), origin)
            step.moved((*path, "tariff_ids", 0), origin)
    return obj


def impact_up(step: Step, obj: dict[str, Any], path: Path) -> dict[str, Any]:
    """EnvironmentalImpact: ``source`` is renamed ``category``."""
    step.rename(obj, "source", "category", path)
    return obj


def hours_up(step: Step, obj: dict[str, Any], path: Path) -> dict[str, Any]:
    """Hours: ``twentyfourseven`` is required in 2.2.1; absent in 2.1.1 means false."""
    if not obj.get("twentyfourseven") and not obj.get("regular_hours"):
        raise NotRepresentableError(
            render(step.origin(path)),
            "neither open 24/7 nor any regular hours: 2.2.1 Hours need one of them",
            HOURS,
        )
    if obj.get("twentyfourseven") is None:
        obj["twentyfourseven"] = False
        step.loss(
            (*step.origin(path), "twentyfourseven"),
            "defaulted",
            "absent in 2.1.1, which means false",
            HOURS,
        )
    return obj


def _location_ids(step: Step, obj: dict[str, Any], path: Path, location: dict[str, Any]) -> None:
    here = (*step.origin(path), "location")
    obj["location_id"] = location.get("id")
    step.moved((*path, "location_id"), (*here, "id"))
    found = _one(step, location.get("evses"), "evse_uid", "uid", (*here, "evses"), "EVSE")
    if found is None:
        return
    e, evse = found
    obj["evse_uid"] = evse.get("uid")
    step.moved((*path, "evse_uid"), (*here, "evses", e, "uid"))
    at_evse = (*here, "evses", e)
    plug = _one(
        step, evse.get("connectors"), "connector_id", "id", (*at_evse, "connectors"), "Connector"
    )
    if plug is not None:
        obj["connector_id"] = plug[1].get("id")
        step.moved((*path, "connector_id"), (*at_evse, "connectors", plug[0], "id"))


def session_up(step: Step, obj: dict[str, Any], path: Path) -> dict[str, Any]:
    """Session: dates renamed; ``auth_id`` becomes a CdrToken; the Location becomes the ids of
    its Location, EVSE and Connector; ``total_cost`` becomes a Price (excl. VAT)."""
    step.rename(obj, "start_datetime", "start_date_time", path)
    step.rename(obj, "end_datetime", "end_date_time", path)
    _auth_id_to_cdr_token(step, obj, path)
    _authorization_up(step, obj, path)
    location = obj.pop("location", None)
    if isinstance(location, dict):
        _location_ids(step, obj, path, location)
        step.loss(
            (*step.origin(path), "location"),
            "dropped",
            "a 2.2.1 Session names its Location, EVSE and Connector by id only",
            SESSION_CHANGES,
        )
    _cost_up(step, obj, path)
    return obj


_CDR_LOCATION_FIELDS = ("id", "name", "address", "city", "postal_code", "country", "coordinates")
_CDR_CONNECTOR_FIELDS = {
    "id": "connector_id",
    "standard": "connector_standard",
    "format": "connector_format",
    "power_type": "connector_power_type",
}


def cdr_up(step: Step, obj: dict[str, Any], path: Path) -> dict[str, Any]:
    """CDR: ``stop_date_time`` becomes ``end_date_time``, ``auth_id`` a CdrToken, the Location
    (with its one EVSE and Connector) a CdrLocation, ``total_cost`` a Price (excl. VAT)."""
    step.rename(obj, "stop_date_time", "end_date_time", path)
    _auth_id_to_cdr_token(step, obj, path)
    _authorization_up(step, obj, path)
    location = obj.pop("location", None)
    if isinstance(location, dict):
        obj["cdr_location"] = _cdr_location(step, path, location)
        step.done((*path, "cdr_location"))
    _cost_up(step, obj, path)
    return obj


def _cdr_location(step: Step, path: Path, location: dict[str, Any]) -> dict[str, Any]:
    here = (*step.origin(path), "location")
    out: dict[str, Any] = {}
    target = (*path, "cdr_location")
    for field in _CDR_LOCATION_FIELDS:  # where each comes from, present or not
        step.moved((*target, field), (*here, field))
    for field, value in location.items():
        if field in _CDR_LOCATION_FIELDS:
            out[field] = copy.deepcopy(value)
        elif field != "evses":
            step.loss((*here, field), "dropped", "a CdrLocation has no " + field, CDR_LOCATION)
    evses = location.get("evses") or []
    found = _one(step, evses, "evse_uid", "uid", (*here, "evses"), "EVSE")
    if found is None:
        return out
    e, evse = found
    for index in range(len(evses)):
        if index != e:
            step.loss((*here, "evses", index), "dropped", "not the CDR's EVSE", CDR_LOCATION)
    at_evse = (*here, "evses", e)
    step.moved((*target, "evse_uid"), (*at_evse, "uid"))
    step.moved((*target, "evse_id"), (*at_evse, "evse_id"))
    for field, value in evse.items():
        if field in ("uid", "evse_id"):
            out["evse_" + field.removeprefix("evse_")] = value
        elif field != "connectors":
            step.loss(
                (*at_evse, field), "dropped", "a CdrLocation has no EVSE " + field, CDR_LOCATION
            )
    connectors = evse.get("connectors") or []
    plug = _one(step, connectors, "connector_id", "id", (*at_evse, "connectors"), "Connector")
    if plug is None:
        return out
    c, connector = plug
    for index in range(len(connectors)):
        if index != c:
            step.loss(
                (*at_evse, "connectors", index), "dropped", "not the CDR's Connector", CDR_LOCATION
            )
    at_connector = (*at_evse, "connectors", c)
    for field, name in _CDR_CONNECTOR_FIELDS.items():
        step.moved((*target, name), (*at_connector, field))
    for field, value in connector.items():
        if field in _CDR_CONNECTOR_FIELDS:
            out[_CDR_CONNECTOR_FIELDS[field]] = value
        else:
            step.loss(
                (*at_connector, field),
                "dropped",
                "a CdrLocation has no Connector " + field,
                CDR_LOCATION,
            )
    return out


def token_up(step: Step, obj: dict[str, Any], path: Path) -> dict[str, Any]:
    """Token: ``auth_id`` is renamed ``contract_id``; the owner comes from the context."""
    step.rename(obj, "auth_id", "contract_id", path)
    return obj


def credentials_up(step: Step, obj: dict[str, Any], path: Path) -> dict[str, Any]:
    """Credentials: ``business_details``, ``party_id`` and ``country_code`` become the one
    CredentialsRole; its ``role`` (CPO, EMSP, ...) comes from the context."""
    role: dict[str, Any] = {}
    for field in ("business_details", "party_id", "country_code"):
        if field in obj:
            role[field] = obj.pop(field)
            step.moved((*path, "roles", 0, field), (*step.origin(path), field))
    obj["roles"] = [role]
    return obj


def reserve_up(step: Step, obj: dict[str, Any], path: Path) -> dict[str, Any]:
    """ReserveNow: ``reservation_id`` turns from an integer into a CiString."""
    if isinstance(obj.get("reservation_id"), int):
        obj["reservation_id"] = str(obj["reservation_id"])
    _authorization_up(step, obj, path)
    return obj


def start_up(step: Step, obj: dict[str, Any], path: Path) -> dict[str, Any]:
    """StartSession: a hub's ``authorization_id`` becomes ``authorization_reference``."""
    _authorization_up(step, obj, path)
    return obj


def endpoint_up(step: Step, obj: dict[str, Any], path: Path) -> dict[str, Any]:
    """Endpoint: ``role`` (SENDER or RECEIVER) follows from the party's role in the context
    (``role``: CPO or EMSP) and the module, or comes from ``interface_roles`` per module."""
    module = obj.get("identifier")
    given = step.lookup(("interface_roles",))
    if isinstance(given, dict) and module in given:
        obj["role"] = given[module]
        step.supply((*path, "role"))
    else:
        table = INTERFACE_ROLES.get(str(step.lookup(("role",))), {})
        if module in table:
            obj["role"] = table[module]
            step.supply((*path, "role"))
    return obj


# The results both versions share; any other is REJECTED in the other version (approximated).
_SHARED_RESULTS = frozenset({"ACCEPTED", "NOT_SUPPORTED", "REJECTED", "TIMEOUT"})


def _command_result(step: Step, obj: dict[str, Any], path: Path) -> dict[str, Any]:
    why = f"OCPI {step.target} has no command result {{value}}: written REJECTED"
    step.approximate(obj, "result", path, _SHARED_RESULTS, "REJECTED", why, COMMAND_RESULT)
    return obj


def command_result_up(step: Step, obj: dict[str, Any], path: Path) -> dict[str, Any]:
    """A 2.1.1 command result (a CommandResponse POSTed to the ``response_url``) as the 2.2.1
    CommandResult: UNKNOWN_SESSION becomes REJECTED."""
    return _command_result(step, obj, path)


def command_result_down(step: Step, obj: dict[str, Any], path: Path) -> dict[str, Any]:
    """A 2.2.1 CommandResult as the 2.1.1 result (a CommandResponse): a result 2.1.1 does not
    have (FAILED, EVSE_OCCUPIED, ...) becomes REJECTED; the ``message`` has no place."""
    return _command_result(step, obj, path)


UP: Rules = {
    "Location": location_up,
    "Connector": connector_up,
    "EnvironmentalImpact": impact_up,
    "Hours": hours_up,
    "Session": session_up,
    "CDR": cdr_up,
    "Token": token_up,
    "Credentials": credentials_up,
    "ReserveNow": reserve_up,
    "StartSession": start_up,
    "Endpoint": endpoint_up,
}


# --- 2.2.1 -> 2.1.1 ---------------------------------------------------------------------------


def location_down(step: Step, obj: dict[str, Any], path: Path) -> dict[str, Any]:
    """Location: one not published to everyone cannot be sent to a 2.1.1 party at all;
    ``parking_type`` becomes ``type`` (motorway: PARKING_LOT, driveway: OTHER, absent: UNKNOWN)."""
    here = step.origin(path)
    if obj.get("publish") is False:
        raise NotRepresentableError(
            render((*here, "publish")),
            "the Location is not published to everyone; 2.1.1 Locations are public",
            PUBLISH,
        )
    if obj.pop("publish", None) is not None:
        step.moved((*path, "publish"), (*here, "publish"))
    kind = obj.pop("parking_type", None)
    if kind is None:
        if not step.whole(path):
            return obj  # a PATCH changes what it names, nothing else
        obj["type"] = "UNKNOWN"
        step.loss(
            (*here, "parking_type"), "defaulted", "2.1.1 requires a type: UNKNOWN", LOCATION_TYPE
        )
    else:
        obj["type"] = LOCATION_TYPE_OF.get(kind, "OTHER")
        step.moved((*path, "type"), (*here, "parking_type"))
        if kind not in PARKING_TYPE:
            step.loss(
                (*here, "parking_type"),
                "approximated",
                f"2.1.1 has no LocationType {kind!r}: {obj['type']}",
                LOCATION_TYPE,
            )
    return obj


def connector_down(step: Step, obj: dict[str, Any], path: Path) -> dict[str, Any]:
    """Connector: ``max_voltage``/``max_amperage`` become ``voltage``/``amperage``; only the
    first of ``tariff_ids`` fits 2.1.1's ``tariff_id``."""
    step.rename(obj, "max_voltage", "voltage", path)
    step.rename(obj, "max_amperage", "amperage", path)
    if "tariff_ids" in obj:
        tariffs = obj.pop("tariff_ids") or []
        origin = (*step.origin(path), "tariff_ids")
        if tariffs:
            obj["tariff_id"] = tariffs[0]
            step.moved((*path, "tariff_id"), (*origin, 0))
        for index in range(1, len(tariffs)):
            step.loss(
                (*origin, index), "dropped", "2.1.1 has one tariff_id per Connector", CONNECTOR
            )
        if not tariffs:
            step.loss(origin, "dropped", "an empty list has no 2.1.1 form", CONNECTOR)
    return obj


def impact_down(step: Step, obj: dict[str, Any], path: Path) -> dict[str, Any]:
    """EnvironmentalImpact: ``category`` is named ``source`` in 2.1.1."""
    step.rename(obj, "category", "source", path)
    return obj


def hours_down(step: Step, obj: dict[str, Any], path: Path) -> dict[str, Any]:
    """Hours: 2.1.1 gives either ``twentyfourseven`` or ``regular_hours``; a false
    ``twentyfourseven`` beside regular hours says nothing more and is left out."""
    if obj.get("twentyfourseven") is False and obj.get("regular_hours"):
        del obj["twentyfourseven"]
        step.moved((*path, "twentyfourseven"), (*step.origin(path), "twentyfourseven"))
    if obj.get("twentyfourseven") is True and "regular_hours" in obj and not obj["regular_hours"]:
        del obj["regular_hours"]
        step.loss(
            (*step.origin(path), "regular_hours"),
            "dropped",
            "an empty list beside twentyfourseven true: 2.1.1 Hours hold one of the two",
            HOURS,
        )
    return obj


def geo_down(step: Step, obj: dict[str, Any], path: Path) -> dict[str, Any]:
    """GeoLocation: 2.1.1 wants exactly 6 decimals (2.2.1 allows 5 to 7)."""
    for field in ("latitude", "longitude"):
        value = obj.get(field)
        if not isinstance(value, str) or "." not in value:
            continue
        decimals = len(value.split(".", 1)[1])
        if decimals == 6:
            continue
        try:
            obj[field] = str(number(value).quantize(number("0.000001"), ROUND_HALF_EVEN))
        except ArithmeticError:
            continue
        how = "rounded to" if decimals > 6 else "the same value written with"
        step.loss(
            (*step.origin(path), field),
            "approximated",
            f"{how} 6 decimals, as 2.1.1 requires",
            COORDINATES,
        )
    return obj


def session_down(step: Step, obj: dict[str, Any], path: Path) -> dict[str, Any]:
    """Session: dates renamed; the CdrToken becomes ``auth_id`` (its contract id); the Location
    (with only the session's EVSE and Connector) comes from the context (``location``);
    RESERVATION is told as PENDING; ``total_cost`` keeps its amount excl. VAT."""
    step.rename(obj, "start_date_time", "start_datetime", path)
    step.rename(obj, "end_date_time", "end_datetime", path)
    _cdr_token_to_auth_id(step, obj, path, SESSION_CHANGES)
    _authorization_down(step, obj, path)
    ids = {field: obj.pop(field, None) for field in ("location_id", "evse_uid", "connector_id")}
    if any(value is not None for value in ids.values()):
        obj["location"] = _context_location(step, path, ids)
        step.done((*path, "location"))
    if obj.get("status") == "RESERVATION":
        obj["status"] = "PENDING"
        step.loss(
            (*step.origin(path), "status"),
            "approximated",
            "2.1.1 has no RESERVATION status: PENDING",
            SESSION_STATUS,
        )
    _cost_down(step, obj, path)
    return obj


def _context_location(step: Step, path: Path, ids: dict[str, Any]) -> dict[str, Any]:
    """The context's 2.1.1 Location with only the EVSE and Connector the ids name."""
    here = step.origin(path)
    location = step.need(
        ("location",),
        (*path, "location"),
        "a 2.1.1 Session holds its Location; give the 2.1.1 Location it took place at",
    )
    out = copy.deepcopy(location)
    if ids.get("location_id") is not None and out.get("id") != ids["location_id"]:
        raise ContextError(
            render((*path, "location")),
            ("location",),
            f"the context's Location is not {ids['location_id']!r}",
        )
    evses = [e for e in out.get("evses", []) if e.get("uid") == ids.get("evse_uid")]
    if not evses:
        raise ContextError(
            render((*path, "location")),
            ("location",),
            f"the context's Location has no EVSE {ids.get('evse_uid')!r}",
        )
    evse = evses[0]
    connectors = [c for c in evse.get("connectors", []) if c.get("id") == ids.get("connector_id")]
    if not connectors:
        raise ContextError(
            render((*path, "location")),
            ("location",),
            f"the EVSE has no Connector {ids.get('connector_id')!r}",
        )
    evse["connectors"] = connectors[:1]
    out["evses"] = [evse]
    target = (*path, "location")
    step.supply(target)
    step.moved((*target, "id"), (*here, "location_id"))
    step.moved((*target, "evses", 0, "uid"), (*here, "evse_uid"))
    step.moved((*target, "evses", 0, "connectors", 0, "id"), (*here, "connector_id"))
    return dict(out)


def cdr_down(step: Step, obj: dict[str, Any], path: Path) -> dict[str, Any]:
    """CDR: a credit CDR cannot be told in 2.1.1; ``end_date_time`` becomes ``stop_date_time``,
    the CdrToken ``auth_id``, the CdrLocation a Location with one EVSE and Connector (completed
    from the context's 2.1.1 ``location``, or from ``voltage``/``amperage`` keys),
    ``total_cost`` its amount excl. VAT."""
    here = step.origin(path)
    if obj.get("credit") is True:
        raise NotRepresentableError(
            render((*here, "credit")), "a credit CDR has no 2.1.1 form", CDR_CREDIT
        )
    step.rename(obj, "end_date_time", "stop_date_time", path)
    _cdr_token_to_auth_id(step, obj, path, CDR_CHANGES)
    _authorization_down(step, obj, path)
    where = obj.pop("cdr_location", None)
    if isinstance(where, dict):
        obj["location"] = _location_from_cdr(step, path, where, obj.get("last_updated"))
        step.done((*path, "location"))
    _cost_down(step, obj, path)
    return obj


_CONNECTOR_ENUMS = {
    "standard": "ConnectorType",
    "format": "ConnectorFormat",
    "power_type": "PowerType",
}


def _check_enum(step: Step, path: Path, value: Any, enum: str | None) -> None:
    """A 2.1.1 CDR's Location must hold the CDR's Connector: one 2.1.1 cannot describe makes the
    CDR unrepresentable (rather than a CDR without its Connector)."""
    if enum is None:
        return
    allowed = schemas.get(step.target, enum).get("enum", ())
    if value not in allowed:
        raise NotRepresentableError(
            render(path), f"the CDR's connector is {value!r}, not a 2.1.1 {enum}", CDR_LOCATION
        )


def _location_from_cdr(
    step: Step, path: Path, where: dict[str, Any], last_updated: Any
) -> dict[str, Any]:
    here = (*step.origin(path), "cdr_location")
    target = (*path, "location")
    given = step.lookup(("location",))
    base: dict[str, Any]
    if isinstance(given, dict):
        base = _context_location(
            step,
            path,
            {
                "location_id": where.get("id"),
                "evse_uid": where.get("evse_uid"),
                "connector_id": where.get("connector_id"),
            },
        )
    else:
        base = {
            "type": "UNKNOWN",
            "evses": [
                {
                    "status": "UNKNOWN",
                    "connectors": [{"last_updated": last_updated}],
                    "last_updated": last_updated,
                }
            ],
            "last_updated": last_updated,
        }
        step.loss(
            (*here, "type"),
            "defaulted",
            "a CdrLocation has no Location type or EVSE status: both UNKNOWN",
            CDR_LOCATION,
        )
        step.loss(
            (*here, "last_updated"),
            "invented",
            "a CdrLocation has no last_updated: the CDR's stands for the Location's, EVSE's and "
            "Connector's",
            CDR_LOCATION,
        )
    evse = base["evses"][0]
    connector = evse["connectors"][0]
    for field in _CDR_LOCATION_FIELDS:  # where each comes from, present or not
        step.moved((*target, field), (*here, field))
    for field, value in where.items():
        if field in _CDR_LOCATION_FIELDS:
            base[field] = copy.deepcopy(value)
            step.moved((*target, field), (*here, field))
            if field == "coordinates" and isinstance(value, dict):
                base[field] = geo_down(step, dict(value), (*target, field))
        elif field in ("evse_uid", "evse_id"):
            name = "uid" if field == "evse_uid" else "evse_id"
            evse[name] = value
            step.moved((*target, "evses", 0, name), (*here, field))
        elif field in _CDR_CONNECTOR_FIELDS.values():
            name = {v: k for k, v in _CDR_CONNECTOR_FIELDS.items()}[field]
            _check_enum(step, (*here, field), value, _CONNECTOR_ENUMS.get(name))
            connector[name] = value
            step.moved((*target, "evses", 0, "connectors", 0, name), (*here, field))
        else:
            step.loss((*here, field), "dropped", f"a 2.1.1 Location has no {field}", CDR_LOCATION)
    return base


def token_down(step: Step, obj: dict[str, Any], path: Path) -> dict[str, Any]:
    """Token: ``contract_id`` is 2.1.1's ``auth_id``; APP_USER and AD_HOC_USER are OTHER."""
    step.rename(obj, "contract_id", "auth_id", path)
    why = "2.1.1 has no token type {value!r}: OTHER"
    step.approximate(obj, "type", path, ("RFID", "OTHER"), "OTHER", why, TOKEN)
    return obj


def credentials_down(step: Step, obj: dict[str, Any], path: Path) -> dict[str, Any]:
    """Credentials: one CredentialsRole (the one whose ``role`` the context names, else the
    first) gives ``business_details``, ``party_id`` and ``country_code``; the others are lost."""
    roles = obj.pop("roles", None)
    if not isinstance(roles, list) or not roles:
        return obj
    wanted = step.lookup(("role",))
    chosen = next((i for i, r in enumerate(roles) if r.get("role") == wanted), 0)
    here = (*step.origin(path), "roles")
    for index, role in enumerate(roles):
        if index != chosen:
            step.loss((*here, index), "dropped", "2.1.1 credentials hold one party", CREDENTIALS)
            continue
        for field, value in role.items():
            if field == "role":
                step.loss(
                    (*here, index, field), "dropped", "2.1.1 credentials state no role", CREDENTIALS
                )
                continue
            obj[field] = value
            step.moved((*path, field), (*here, index, field))
    return obj


def reserve_down(step: Step, obj: dict[str, Any], path: Path) -> dict[str, Any]:
    """ReserveNow: ``reservation_id`` must be an integer in 2.1.1."""
    value = obj.get("reservation_id")
    if isinstance(value, str):
        if re.fullmatch(r"-?[0-9]{1,18}", value) is None:
            raise NotRepresentableError(
                render((*step.origin(path), "reservation_id")),
                f"reservation_id {value!r} is not an integer, as 2.1.1 requires",
                RESERVE,
            )
        if str(int(value)) != value:
            step.loss(
                (*step.origin(path), "reservation_id"),
                "approximated",
                "leading zeros are lost in 2.1.1's integer",
                RESERVE,
            )
        obj["reservation_id"] = int(value)
    _authorization_down(step, obj, path)
    return obj


def start_down(step: Step, obj: dict[str, Any], path: Path) -> dict[str, Any]:
    """StartSession: 2.1.1 has no authorization reference."""
    _authorization_down(step, obj, path)
    return obj


def element_down(step: Step, obj: dict[str, Any], path: Path) -> dict[str, Any]:
    """TariffElement: a restriction on current or reservation cannot be told in 2.1.1, and
    leaving it out would widen the element to every session; the element cannot be held."""
    restrictions = obj.get("restrictions")
    for field in ("min_current", "max_current", "reservation"):
        if isinstance(restrictions, dict) and restrictions.get(field) is not None:
            raise NotRepresentableError(
                render(step.origin(path)),
                f"the element is restricted by {field}, which 2.1.1 does not have",
                RESTRICTION,
            )
    return obj


def version_details_down(step: Step, obj: dict[str, Any], path: Path) -> dict[str, Any]:
    """VersionDetails: a version number 2.1.1 does not know is told as 2.1.1."""
    why = "2.1.1 has no version {value!r}: the endpoints are offered as 2.1.1"
    step.approximate(obj, "version", path, ("2.0", "2.1", "2.1.1"), "2.1.1", why, VERSION)
    return obj


def version_details_endpoints(step: Step, obj: dict[str, Any], path: Path) -> dict[str, Any]:
    obj = version_details_down(step, obj, path)
    endpoints = obj.get("endpoints")
    if not isinstance(endpoints, list):
        return obj
    seen: set[Any] = set()
    kept: list[int] = []
    for index, endpoint in enumerate(endpoints):
        module = endpoint.get("identifier") if isinstance(endpoint, dict) else None
        if module in seen:
            step.loss(
                step.origin((*path, "endpoints", index)),
                "dropped",
                "2.1.1 lists each module once (no SENDER/RECEIVER)",
                ENDPOINT,
            )
            continue
        seen.add(module)
        kept.append(index)
    if len(kept) != len(endpoints):
        obj["endpoints"] = [endpoints[i] for i in kept]
        step.renumber((*path, "endpoints"), kept)
    return obj


DOWN: Rules = {
    "Location": location_down,
    "Connector": connector_down,
    "EnvironmentalImpact": impact_down,
    "Hours": hours_down,
    "GeoLocation": geo_down,
    "AdditionalGeoLocation": geo_down,
    "Session": session_down,
    "CDR": cdr_down,
    "Token": token_down,
    "Credentials": credentials_down,
    "ReserveNow": reserve_down,
    "StartSession": start_down,
    "TariffElement": element_down,
    "VersionDetails": version_details_endpoints,
}


# Objects that play the same part under another name in the other version: (source, target).
COUNTERPARTS_UP: dict[tuple[str, str], Rule] = {
    ("CommandResponse", "CommandResult"): command_result_up,
}
COUNTERPARTS_DOWN: dict[tuple[str, str], Rule] = {
    ("CommandResult", "CommandResponse"): command_result_down,
}
