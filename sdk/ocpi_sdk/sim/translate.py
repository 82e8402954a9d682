"""The hub's translation between parties registered with different OCPI versions.

Every body the hub forwards, and every answer it passes back, goes through :func:`convert`
from the sender's negotiated version to the receiver's. What the target version needs and the
source cannot say comes from what the hub knows: the owner's ``country_code``/``party_id`` from
its registration, a Session's or CDR's ``cdr_token`` from the Token the hub forwarded, the 2.1.1
``location`` from the Location it forwarded, the Token of a 2.2.1+ AuthorizationInfo from the
Token the hub forwarded with that ``token_uid``, a 2.2.1 Tariff's ``tax_included`` from what 2.2.1
prices are (before VAT). Each loss met is counted, by object, path and kind,
for the roam report.
"""

from __future__ import annotations

import importlib
import json
import re
from collections import Counter
from decimal import Decimal
from typing import Any

import attrs

from ocpi_sdk import packages
from ocpi_sdk.server import ListPage, Route
from ocpi_sdk.translation import TranslationError, convert

_INDEX = re.compile(r"\[\d+\]")
CDR_TOKEN = ("uid", "type", "contract_id", "country_code", "party_id")
CACHE = 10_000  # objects remembered as context, per kind
TIMEOUT = 30  # the seconds a 2.1.1 CommandResponse lacks: how long the hub relays a result
TAX_INCLUDED = "NO"
"""A 2.2.1 Tariff's ``tax_included`` in 2.3.0: its prices are "excl. VAT" (2.2.1 mod_tariffs,
PriceComponent.price), which 2.3.0 says as NO ("taxes are not included, and will be added on
top of the prices")."""


class Translator:
    """Converts between two versions with the context the hub has gathered."""

    def __init__(self) -> None:
        self.losses: Counter[str] = Counter()
        self.supplied: Counter[str] = Counter()  # paths of results whose value the hub gave
        self.tokens: dict[str, dict[str, Any]] = {}  # uid and contract id -> CdrToken (2.2.1+)
        self.whole_tokens: dict[tuple[str, str], dict[str, Any]] = {}  # (version, uid) -> Token
        self.locations: dict[str, dict[str, Any]] = {}  # id -> the 2.1.1 Location

    def __call__(
        self,
        value: Any,
        source: str,
        target: str,
        owner: tuple[str | None, str | None],
        *,
        name: str | None = None,
        token_uid: str | None = None,
        as_object: str | None = None,
    ) -> Any:
        """``value`` (a model, a list of them, a ListPage or a PATCH body) in ``target``;
        ``token_uid`` names the Token the request was about (its URL's ``token_uid``),
        ``as_object`` the target's object when it has another name there (a command result).
        Raises :class:`TranslationError` when it cannot be converted at all."""
        if source == target or value is None:
            return value
        if isinstance(value, ListPage):
            items = self(list(value.items), source, target, owner)
            return ListPage(items, value.total_count, value.limit)
        if isinstance(value, list) and not value:
            return value
        partial = isinstance(value, dict)
        conversion = convert(
            value,
            target,
            object_name=name if partial else None,
            from_version=source if partial else None,
            context=self.context(value, owner, target, token_uid),
            partial=partial,
            as_object=as_object,
        )
        kind = name or type(value[0] if isinstance(value, list) else value).__name__
        for loss in conversion.losses:
            path = _INDEX.sub("[*]", loss.path)
            if isinstance(value, list):
                path = "$" + path[4:]  # one loss per object, not per position in the list
            self.losses[f"{kind} {source}->{target} {path} {loss.kind}: {loss.reason}"] += 1
        for path in conversion.supplied:
            path = _INDEX.sub("[*]", path)
            if isinstance(value, list):
                path = "$" + path[4:]
            self.supplied[f"{kind} {source}->{target} {path}"] += 1
        self.remember(value, source)
        self.remember(conversion.value, target)
        return conversion.value

    def query(
        self, route: Route, query: dict[str, Any], source: str, target: str
    ) -> dict[str, Any]:
        """The query parameters of ``route`` that the target version's operation also takes;
        a value given for one it does not take (2.2.1's Token ``type``) is a loss."""
        if source == target:
            return query
        theirs = same_route(target, route)
        taken = {"response_url"} | {q.name for q in (theirs.query if theirs else ())}
        for name, value in query.items():
            if name not in taken and value is not None:
                why = f"OCPI {target} {route.module} {route.name} takes no {name!r} parameter"
                self.losses[f"query {source}->{target} {name}={value} dropped: {why}"] += 1
        return {k: v for k, v in query.items() if k in taken}

    def context(
        self,
        value: Any,
        owner: tuple[str | None, str | None],
        target: str,
        token_uid: str | None = None,
    ) -> dict[str, Any]:
        found: dict[str, Any] = {"country_code": owner[0], "party_id": owner[1]}
        if token_uid is not None:  # a 2.2.1+ AuthorizationInfo names the whole Token
            found["token"] = self.whole_tokens.get((target, token_uid))
        found["timeout"] = TIMEOUT
        found["tax_included"] = TAX_INCLUDED
        data = _json(value)
        if isinstance(data, dict):
            for key in ("auth_id", "contract_id", "uid"):
                token = self.tokens.get(str(data.get(key)))
                if token is not None:
                    found["cdr_token"] = token
                    break
            where = data.get("location_id") or (data.get("cdr_location") or {}).get("id")
            if where in self.locations:
                found["location"] = self.locations[where]
        return {k: v for k, v in found.items() if v is not None}

    def remember(self, value: Any, version: str) -> None:
        """Keep Tokens and 2.1.1 Locations passing through: later conversions need them."""
        items = value.items if isinstance(value, ListPage) else value
        for item in items if isinstance(items, list) else [items]:
            name = type(item).__name__
            if not attrs.has(type(item)):
                continue
            data = _json(item, version)
            if name == "Token":
                self.whole_tokens[(version, str(data.get("uid")))] = data
            if name == "Token" and "country_code" in data:
                token = {k: data[k] for k in CDR_TOKEN if k in data}
                for key in ("uid", "contract_id"):
                    self.tokens[str(data.get(key))] = token
            elif name == "Location" and version == "2.1.1":
                self.locations[str(data["id"])] = data
            caches: tuple[dict[Any, dict[str, Any]], ...] = (
                self.tokens,
                self.locations,
                self.whole_tokens,
            )
            for cache in caches:
                while len(cache) > CACHE:
                    cache.pop(next(iter(cache)))


def same_route(version: str, route: Route) -> Route | None:
    """``route`` as ``version`` defines it (same module, role and operation), if it does."""
    module = importlib.import_module(f"ocpi_sdk.v{version.replace('.', '_')}.server")
    handler = module.HANDLERS.get((route.module, route.role))
    return next((r for r in getattr(handler, "routes", ()) if r.name == route.name), None)


def _json(value: Any, version: str | None = None) -> Any:
    if isinstance(value, dict | list) or not attrs.has(type(value)):
        return value
    module = type(value).__module__.split(".")[1]  # ocpi_sdk.v2_2_1.models -> v2_2_1
    package = packages.package(version or module[1:].replace("_", "."))
    return json.loads(package.dumps(value), parse_float=Decimal)


__all__ = ["TranslationError", "Translator"]
