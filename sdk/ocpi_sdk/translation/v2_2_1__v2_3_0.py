"""The rules between OCPI 2.2.1 and 2.3.0 (both directions).

2.3.0 is 2.2.1 with taxes instead of VAT in prices, ``tax_included`` on Tariffs, a Hub's party in
``Credentials.hub_party_id`` instead of a HUB role, and new optional fields (parking, help phone,
accepted service providers, connector capabilities) that 2.2.1 drops. Fields and enum values that
only one side defines are handled by the fitting step; this module holds what needs a rule.
"""

from __future__ import annotations

from typing import Any

from ocpi_sdk.translation._core import NotRepresentableError, Path, Step, like, number, render
from ocpi_sdk.translation._walk import Rule, Rules

LOWER = "2.2.1"
UPPER = "2.3.0"

TAXES = "OCPI 2.3.0 changelog: Support for North American taxes; types.asciidoc: Price class"
TAX_INCLUDED = "OCPI 2.3.0 mod_tariffs.asciidoc: Tariff.tax_included, TaxIncluded enum"
PRICE_LIMIT = "OCPI 2.3.0 mod_tariffs.asciidoc: Tariff.min_price/max_price (PriceLimit class)"
HUB = (
    "OCPI 2.3.0 changelog: hub party ID in Credentials, hub clients reported as normal roles; "
    "credentials.asciidoc: hub_party_id"
)
TOKEN_TYPE = "OCPI 2.3.0 mod_tokens.asciidoc: TokenType enum (EMAID added)"


# --- 2.2.1 -> 2.3.0 ---------------------------------------------------------------------------


def price_up(step: Step, obj: dict[str, Any], path: Path) -> dict[str, Any]:
    """Price: ``excl_vat`` becomes ``before_taxes``; the VAT (``incl_vat - excl_vat``) becomes
    the one tax named VAT (2.2.1 prices know no other tax)."""
    step.rename(obj, "excl_vat", "before_taxes", path)
    incl = obj.pop("incl_vat", None)
    if incl is not None and obj.get("before_taxes") is not None:
        amount = number(incl) - number(obj["before_taxes"])
        obj["taxes"] = [{"name": "VAT", "amount": like(incl, amount)}]
        step.moved((*path, "taxes"), (*step.origin(path), "incl_vat"))
    return obj


def price_limit_up(step: Step, obj: dict[str, Any], path: Path) -> dict[str, Any]:
    """A Tariff's ``min_price``/``max_price``: a 2.2.1 Price read as a PriceLimit."""
    step.rename(obj, "excl_vat", "before_taxes", path)
    step.rename(obj, "incl_vat", "after_taxes", path)
    return obj


def tariff_up(step: Step, obj: dict[str, Any], path: Path) -> dict[str, Any]:
    """Tariff: min/max price become PriceLimits; ``tax_included`` (required in 2.3.0) comes from
    the context, since a 2.2.1 Tariff does not say it."""
    for field in ("min_price", "max_price"):
        if isinstance(obj.get(field), dict):
            obj[field] = price_limit_up(step, dict(obj[field]), (*path, field))
            step.done((*path, field))
    return obj


def credentials_up(step: Step, obj: dict[str, Any], path: Path) -> dict[str, Any]:
    """Credentials: the HUB role becomes ``hub_party_id`` (country code and party id joined);
    its business details have no place in 2.3.0."""
    roles = obj.get("roles")
    if not isinstance(roles, list):
        return obj
    kept: list[int] = []
    for index, role in enumerate(roles):
        if not (isinstance(role, dict) and role.get("role") == "HUB"):
            kept.append(index)
            continue
        here = (*path, "roles", index)
        if "hub_party_id" in obj:
            step.loss_at_result(
                here, "dropped", "a second HUB role; 2.3.0 has one hub_party_id", HUB
            )
            continue
        country, party = str(role.get("country_code", "")), str(role.get("party_id", ""))
        obj["hub_party_id"] = country + party
        if (len(country), len(party)) != (2, 3):
            step.loss_at_result(
                here,
                "approximated",
                "hub_party_id joins a 2-letter country code and a 3-character party id; "
                f"{country!r} and {party!r} will not split back the same",
                HUB,
            )
        step.moved((*path, "hub_party_id"), step.origin(here))
        if role.get("business_details") is not None:
            step.loss_at_result(
                (*here, "business_details"),
                "dropped",
                "2.3.0 names a hub by hub_party_id only",
                HUB,
            )
    if len(kept) != len(roles):
        if kept and kept[-1] > min(set(range(len(roles))) - set(kept)):
            step.loss_at_result(
                (*path, "roles"),
                "approximated",
                "the HUB role is not among the roles in 2.3.0; converted back it comes last",
                HUB,
            )
        obj["roles"] = [roles[i] for i in kept]
        step.renumber((*path, "roles"), kept)
    return obj


UP: Rules = {
    "Price": price_up,
    "Tariff": tariff_up,
    "Credentials": credentials_up,
}


# --- 2.3.0 -> 2.2.1 ---------------------------------------------------------------------------


def price_down(step: Step, obj: dict[str, Any], path: Path) -> dict[str, Any]:
    """Price: ``before_taxes`` becomes ``excl_vat``; ``incl_vat`` is it plus every tax. A tax not
    named VAT is counted in ``incl_vat`` (approximated); rates and account numbers are dropped."""
    step.rename(obj, "before_taxes", "excl_vat", path)
    taxes = obj.pop("taxes", None)
    if taxes is None or obj.get("excl_vat") is None:
        return obj
    here = (*step.origin(path), "taxes")
    total = sum((number(t.get("amount", 0)) for t in taxes if isinstance(t, dict)), number(0))
    obj["incl_vat"] = like(obj["excl_vat"], number(obj["excl_vat"]) + total)
    step.moved((*path, "incl_vat"), here)
    if not taxes:
        step.loss(here, "approximated", "no taxes stated: incl_vat equals excl_vat", TAXES)
    for index, tax in enumerate(taxes):
        if not isinstance(tax, dict):
            continue
        if str(tax.get("name", "")).upper() != "VAT":
            step.loss(
                (*here, index),
                "approximated",
                f"2.2.1 prices know only VAT; {tax.get('name')!r} is counted in incl_vat",
                TAXES,
            )
            continue
        for extra in ("percentage", "account_number"):
            if extra in tax:
                step.loss(
                    (*here, index, extra),
                    "dropped",
                    f"a 2.2.1 Price has no tax {extra}",
                    TAXES,
                )
    return obj


def tariff_down(step: Step, obj: dict[str, Any], path: Path) -> dict[str, Any]:
    """Tariff: prices must be before tax in 2.2.1, so a tax-inclusive Tariff cannot be held;
    ``tax_included`` NO is what 2.2.1 prices mean anyway; N/A cannot be said; PriceLimits become
    Prices."""
    included = obj.pop("tax_included", None)
    here = (*step.origin(path), "tax_included")
    if included == "YES":
        raise NotRepresentableError(
            render(here),
            "the Tariff's prices include taxes; 2.2.1 prices are before VAT",
            TAX_INCLUDED,
        )
    if included == "N/A":
        step.loss(here, "dropped", "2.2.1 cannot say that no taxes apply", TAX_INCLUDED)
    for field in ("min_price", "max_price"):
        if isinstance(obj.get(field), dict):
            limit = dict(obj[field])
            step.rename(limit, "before_taxes", "excl_vat", (*path, field))
            step.rename(limit, "after_taxes", "incl_vat", (*path, field))
            obj[field] = limit
            step.done((*path, field))
    return obj


def credentials_down(step: Step, obj: dict[str, Any], path: Path) -> dict[str, Any]:
    """Credentials: ``hub_party_id`` becomes a HUB role, whose business details come from the
    context (``hub_business_details``)."""
    hub = obj.pop("hub_party_id", None)
    if hub is None:
        return obj
    roles = list(obj.get("roles") or [])
    role: dict[str, Any] = {"role": "HUB", "country_code": hub[:2], "party_id": hub[2:]}
    details = step.lookup(("hub_business_details",))
    if details is not None:
        role["business_details"] = details
        step.supply((*path, "roles", len(roles), "business_details"))
    roles.append(role)
    obj["roles"] = roles
    step.moved((*path, "roles", len(roles) - 1), (*step.origin(path), "hub_party_id"))
    step.done((*path, "roles"))
    return obj


def token_down(step: Step, obj: dict[str, Any], path: Path) -> dict[str, Any]:
    """Token (and PublishTokenType): a type 2.2.1 does not know (EMAID, or a custom value of the
    open enum) is sent as OTHER."""
    known = ("AD_HOC_USER", "APP_USER", "OTHER", "RFID")
    why = "2.2.1 has no token type {value!r}"
    step.approximate(obj, "type", path, known, "OTHER", why, TOKEN_TYPE)
    return obj


DOWN: Rules = {
    "Price": price_down,
    "Tariff": tariff_down,
    "Credentials": credentials_down,
    "Token": token_down,
    "PublishTokenType": token_down,
}


# No object changes its name between 2.2.1 and 2.3.0.
COUNTERPARTS_UP: dict[tuple[str, str], Rule] = {}
COUNTERPARTS_DOWN: dict[tuple[str, str], Rule] = {}
