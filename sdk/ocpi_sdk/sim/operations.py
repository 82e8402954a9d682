"""Serving any module interface from the interfaces data: match the URL to an operation, then
list, get, put, patch, delete or post objects in the store. Module-specific behaviour (commands,
real-time authorization, receiving a CDR) plugs in through :mod:`ocpi_sdk.sim.behaviour`."""

from __future__ import annotations

import re
from datetime import datetime
from typing import Any
from urllib.parse import urlencode

import attrs

from ocpi_sdk.converter import parse_datetime
from ocpi_sdk.schemas._interfaces import Interface, Operation
from ocpi_sdk.sim.store import Key

OWNER_PARAMS = ("country_code", "party_id")


@attrs.frozen
class Match:
    """A request matched to an operation, with its path arguments."""

    interface: Interface
    operation: Operation
    args: dict[str, str]


def _pattern(template: str) -> re.Pattern[str]:
    parts = [
        "(?P<" + p[1:-1] + ">[^/]+)" if p.startswith("{") else re.escape(p)
        for p in template.split("/")
        if p
    ]
    return re.compile("^" + "/".join(parts) + "$")


def match(interfaces: list[Interface], module: str, method: str, rest: str) -> Match | str | None:
    """The operation ``method rest`` calls in ``module``; "method" when only the method differs."""
    rest = rest.strip("/")
    path_matched = False
    for interface in interfaces:
        if interface.module != module:
            continue
        for op in interface.operations:
            template = op.path if op.target == "endpoint" else f"t/{op.name}/{{key}}"
            found = _pattern(template).match(rest)
            if found is None:
                continue
            path_matched = True
            if op.method == method:
                return Match(interface, op, found.groupdict())
    return "method" if path_matched else None


def object_key(obj: dict[str, Any], args: dict[str, str] | None = None) -> Key:
    """(country_code, party_id, id) of an object, from its fields or the URL."""
    args = args or {}
    cc = str(obj.get("country_code") or args.get("country_code") or "")
    pid = str(obj.get("party_id") or args.get("party_id") or "")
    oid = str(obj.get("id", obj.get("uid", "")))
    return cc.upper(), pid.upper(), oid


def split_args(
    op: Operation, args: dict[str, str]
) -> tuple[dict[str, str], str, list[tuple[str, str]]]:
    """(owner args, the object's id, nested (param, value) pairs) of a path."""
    names = [p.name for p in op.path_params]
    owner = {n: args[n] for n in names if n in OWNER_PARAMS}
    rest = [n for n in names if n not in OWNER_PARAMS]
    if not rest:
        return owner, "", []
    return owner, args[rest[0]], [(n, args[n]) for n in rest[1:]]


def nested(obj: dict[str, Any], param: str, value: str) -> tuple[list[Any], int] | None:
    """The list and index of the child named by ``param`` (``evse_uid`` -> an item of a list
    field whose ``uid`` is ``value``)."""
    field = param.rsplit("_", 1)[-1]
    for child_list in obj.values():
        if isinstance(child_list, list):
            for index, child in enumerate(child_list):
                if isinstance(child, dict) and str(child.get(field)) == value:
                    return child_list, index
    return None


def child_list_for(obj: dict[str, Any], param: str, sample: dict[str, Any]) -> list[Any] | None:
    """The list field that holds children like ``sample`` (for a PUT of a new EVSE)."""
    field = param.rsplit("_", 1)[-1]
    for child_list in obj.values():
        if (
            isinstance(child_list, list)
            and child_list
            and isinstance(child_list[0], dict)
            and field in child_list[0]
            and set(sample) & set(child_list[0])
        ):
            return child_list
    return None


def in_window(obj: dict[str, Any], date_from: datetime | None, date_to: datetime | None) -> bool:
    stamp = obj.get("last_updated")
    if stamp is None:
        return True
    when = parse_datetime(stamp)
    if date_from is not None and when < date_from:
        return False
    return not (date_to is not None and when >= date_to)


def page_link(url: str, path: str, query: dict[str, str], offset: int, limit: int) -> str:
    params = {k: v for k, v in query.items() if k not in ("offset", "limit")}
    params.update(offset=str(offset), limit=str(limit))
    return f'<{url.split("/ocpi/", 1)[0]}{path}?{urlencode(params)}>; rel="next"'
