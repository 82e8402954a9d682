"""Per-version adapters: the only place that knows how 2.1.1, 2.2.1 and 2.3.0 spell the same facts.

A :class:`Dialect` renders the version-free facts of :mod:`._facts` (and the state of a charging
run) as JSON-ready dicts of one OCPI version, and reads back the few fields a charging run needs
from that version's Location and Token dicts. The values allowed for enums (capabilities,
facilities, session statuses) come from the version's generated enums, not from lists kept here.
2.3.0 is 2.2.1 with taxes instead of VAT in its prices and a few new optional fields, so its
dialect is a subclass of the 2.2.1 one.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from datetime import datetime
from decimal import Decimal
from enum import Enum
from typing import Any, ClassVar

from ocpi_sdk import v2_1_1, v2_2_1, v2_3_0
from ocpi_sdk.sim.data._facts import (
    Bay,
    Business,
    Evse,
    Hours,
    Plug,
    Site,
    TariffPlan,
    TokenCard,
    iso,
)
from ocpi_sdk.sim.data._places import EnergyProduct

__all__ = [
    "DIALECTS",
    "Dialect",
    "Party",
    "PeriodState",
    "RunContext",
    "SessionState",
    "ascii_text",
    "dialect",
]

JSON = dict[str, Any]


@dataclass(frozen=True, slots=True)
class Party:
    """A party on the network: country code and party id."""

    country_code: str
    party_id: str


@dataclass(frozen=True, slots=True)
class PeriodState:
    """One charging period as far as it has happened: charging or parking."""

    start: datetime
    charging_seconds: int
    parking_seconds: int
    wh: int
    max_kw: float
    tariff_id: str | None


@dataclass(frozen=True, slots=True)
class SessionState:
    """A session at one instant."""

    status: str
    end: datetime | None
    wh: int
    periods: tuple[PeriodState, ...]
    last_updated: datetime
    total_cost: Any


@dataclass(frozen=True, slots=True)
class RunContext:
    """What a session and its CDR say about who charged where."""

    session_id: str
    cpo: Party
    start: datetime
    token: JSON
    location: JSON
    evse: JSON
    connector: JSON
    tariffs: tuple[JSON, ...]
    auth_method: str
    authorization_reference: str | None
    meter_id: str
    currency: str


def _values(enum: type[Enum]) -> tuple[str, ...]:
    return tuple(str(member.value) for member in enum)


def _kwh(wh: int) -> float:
    return wh / 1000


def _hours(seconds: int) -> float:
    return round(seconds / 3600, 6)


def _coordinate(value: float) -> str:
    return f"{value:.6f}"  # six decimals: what 2.1.1 demands and within 2.2.1's five to seven


_FOLD = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue", "ß": "ss"})


def ascii_text(text: str) -> str:
    """``text`` in printable ASCII: German umlauts spelt out, other accents dropped."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_FOLD))
    return "".join(c for c in decomposed if " " <= c <= "~")


class Dialect:
    """How one OCPI version writes the generated data; subclasses fill in the differences."""

    version: ClassVar[str]
    capabilities: ClassVar[tuple[str, ...]]
    facilities: ClassVar[tuple[str, ...]]
    session_statuses: ClassVar[tuple[str, ...]]
    cost_fields: ClassVar[frozenset[str]]
    impact_key: ClassVar[str]
    limit_fields: ClassVar[tuple[str, str]] = ("excl_vat", "incl_vat")
    """Names of a tariff's min/max price amounts without and with VAT."""

    # -- network objects -------------------------------------------------------------------

    def location(self, site: Site, cpo: Party) -> JSON:
        """The Location of ``site``."""
        raise NotImplementedError

    def tariff(self, plan: TariffPlan, cpo: Party) -> JSON:
        """The Tariff of ``plan``."""
        raise NotImplementedError

    def token(self, card: TokenCard, emsp: Party) -> JSON:
        """The Token of ``card``."""
        raise NotImplementedError

    def connector(self, plug: Plug) -> JSON:
        """The Connector of ``plug``."""
        raise NotImplementedError

    # -- reading back ----------------------------------------------------------------------

    def connector_power(self, connector: Mapping[str, Any]) -> tuple[str, int, int]:
        """``(power_type, voltage, amperage)`` of a Connector dict."""
        raise NotImplementedError

    def connector_tariff_ids(self, connector: Mapping[str, Any]) -> tuple[str, ...]:
        """The tariff ids a Connector dict references, the regular one first."""
        raise NotImplementedError

    def token_kind(self, token: Mapping[str, Any]) -> str:
        """``"RFID"`` or ``"APP_USER"`` for a Token dict."""
        return "RFID" if token.get("type") == "RFID" else "APP_USER"

    def auth_methods(self, kind: str) -> tuple[str, ...]:
        """AuthMethods a CPO plausibly uses for a token of ``kind``, most likely first."""
        raise NotImplementedError

    # -- sessions and CDRs -----------------------------------------------------------------

    def session(self, run: RunContext, state: SessionState) -> JSON:
        """The Session of ``run`` in ``state``."""
        raise NotImplementedError

    def cdr(
        self,
        run: RunContext,
        state: SessionState,
        costs: Mapping[str, Any],
        cdr_id: str,
        last_updated: datetime,
    ) -> JSON:
        """The CDR of the completed ``run``."""
        raise NotImplementedError

    def periods(self, periods: Iterable[PeriodState], *, for_cdr: bool) -> list[JSON]:
        """ChargingPeriod dicts; a CDR leaves out the dimensions only a Session may carry."""
        return [self._period(period, for_cdr=for_cdr) for period in periods]

    def _period(self, period: PeriodState, *, for_cdr: bool) -> JSON:
        dimensions: list[JSON] = []
        if period.charging_seconds:
            dimensions.append({"type": "ENERGY", "volume": _kwh(period.wh)})
            dimensions.append({"type": "TIME", "volume": _hours(period.charging_seconds)})
            dimensions.extend(self._power_dimensions(period, for_cdr=for_cdr))
        if period.parking_seconds:
            dimensions.append({"type": "PARKING_TIME", "volume": _hours(period.parking_seconds)})
        return {"start_date_time": iso(period.start), "dimensions": dimensions}

    def _power_dimensions(self, period: PeriodState, *, for_cdr: bool) -> list[JSON]:
        return []

    def finish(self, payload: JSON) -> JSON:
        """Last touch on every payload (2.1.1 strings must be ASCII)."""
        return payload

    # -- pieces shared by the versions -----------------------------------------------------

    def _business(self, business: Business) -> JSON:
        out: JSON = {"name": business.name}
        if business.website:
            out["website"] = business.website
        if business.logo:
            out["logo"] = {
                "url": business.logo,
                "category": "OPERATOR",
                "type": "png",
                "width": 512,
                "height": 512,
            }
        return out

    def _energy_mix(self, product: EnergyProduct) -> JSON:
        return {
            "is_green_energy": product.green,
            "energy_sources": [{"source": s, "percentage": p} for s, p in product.sources],
            "environ_impact": [
                {self.impact_key: "CARBON_DIOXIDE", "amount": product.co2_g_per_kwh},
                {self.impact_key: "NUCLEAR_WASTE", "amount": product.nuclear_waste_g_per_kwh},
            ],
            "supplier_name": product.supplier,
            "energy_product_name": product.product,
        }

    def _evse(self, evse: Evse) -> JSON:
        allowed = set(evse.capabilities)
        out: JSON = {
            "uid": evse.uid,
            "evse_id": evse.evse_id,
            "status": evse.status,
            "capabilities": [c for c in self.capabilities if c in allowed],
            "connectors": [self.connector(plug) for plug in evse.plugs],
        }
        if evse.floor_level is not None:
            out["floor_level"] = evse.floor_level
        out["coordinates"] = {
            "latitude": _coordinate(evse.latitude),
            "longitude": _coordinate(evse.longitude),
        }
        out["physical_reference"] = evse.physical_reference
        out["parking_restrictions"] = list(evse.parking_restrictions)
        out["last_updated"] = iso(evse.last_updated)
        return out

    def _hours(self, hours: Hours) -> JSON:
        out: JSON = {}
        if hours.periods is None:
            out["twentyfourseven"] = True
        else:
            out["regular_hours"] = [
                {"weekday": day, "period_begin": begin, "period_end": end}
                for day, begin, end in hours.periods
            ]
        if hours.closed_days:
            out["exceptional_closings"] = [
                {"period_begin": iso(begin), "period_end": iso(end)}
                for begin, end in hours.closed_days
            ]
        return out

    def _site_common(self, site: Site) -> JSON:
        """The Location fields both versions share, in spec order after the header."""
        out: JSON = {"name": site.name, "address": site.address, "city": site.city}
        out["postal_code"] = site.postal_code
        out["country"] = site.country3
        out["coordinates"] = {
            "latitude": _coordinate(site.latitude),
            "longitude": _coordinate(site.longitude),
        }
        out["evses"] = [self._evse(evse) for evse in site.evses]
        if site.directions:
            out["directions"] = [{"language": lang, "text": t} for lang, t in site.directions]
        out["operator"] = self._business(site.operator)
        if site.suboperator is not None:
            out["suboperator"] = self._business(site.suboperator)
        if site.owner is not None:
            out["owner"] = self._business(site.owner)
        wanted = set(site.facilities)
        facilities = [f for f in self.facilities if f in wanted]
        if facilities:
            out["facilities"] = facilities
        out["time_zone"] = site.time_zone
        out["opening_times"] = self._hours(site.hours)
        if site.charging_when_closed is not None:
            out["charging_when_closed"] = site.charging_when_closed
        if site.image is not None:
            out["images"] = [
                {
                    "url": site.image,
                    "thumbnail": site.image.replace(".jpg", "_s.jpg"),
                    "category": "LOCATION",
                    "type": "jpg",
                    "width": 1024,
                    "height": 768,
                }
            ]
        out["energy_mix"] = self._energy_mix(site.energy)
        out["last_updated"] = iso(site.last_updated)
        return out

    def _elements(self, plan: TariffPlan, *, with_vat: bool) -> list[JSON]:
        elements: list[JSON] = []
        for element in plan.elements:
            components: list[JSON] = []
            for c in element.components:
                component: JSON = {"type": c.type, "price": c.price}
                if with_vat:
                    component["vat"] = plan.vat
                component["step_size"] = c.step_size
                components.append(component)
            out: JSON = {"price_components": components}
            if element.restrictions:
                out["restrictions"] = dict(element.restrictions)
            elements.append(out)
        return elements

    def _check_costs(self, costs: Mapping[str, Any]) -> None:
        unknown = sorted(set(costs) - set(_TOTALS_ORDER))
        if unknown:
            raise ValueError(
                f"{', '.join(unknown)} is not a CDR total; known: {', '.join(_TOTALS_ORDER)}"
            )
        if "total_cost" not in costs:
            raise ValueError("total_cost is required to build a CDR")


class _V221(Dialect):
    version = "2.2.1"
    capabilities = _values(v2_2_1.Capability)
    facilities = _values(v2_2_1.Facility)
    session_statuses = _values(v2_2_1.SessionStatus)
    cost_fields = frozenset(
        {
            "total_cost",
            "total_fixed_cost",
            "total_energy_cost",
            "total_time_cost",
            "total_parking_cost",
            "total_reservation_cost",
        }
    )
    impact_key = "category"

    def location(self, site: Site, cpo: Party) -> JSON:
        out: JSON = {
            "country_code": cpo.country_code,
            "party_id": cpo.party_id,
            "id": site.id,
            "publish": True,
        }
        for key, value in self._site_common(site).items():
            if key == "evses":  # spec order: parking_type comes right before evses
                out["parking_type"] = site.kind
            out[key] = value
        return out

    def _hours(self, hours: Hours) -> JSON:
        out = super()._hours(hours)
        return {"twentyfourseven": out.pop("twentyfourseven", False), **out}  # required in 2.2.1

    def connector(self, plug: Plug) -> JSON:
        return {
            "id": plug.id,
            "standard": plug.standard,
            "format": plug.format,
            "power_type": plug.power_type,
            "max_voltage": plug.voltage,
            "max_amperage": plug.amperage,
            "max_electric_power": plug.power,
            "tariff_ids": list(plug.tariff_ids),
            "last_updated": iso(plug.last_updated),
        }

    def tariff(self, plan: TariffPlan, cpo: Party) -> JSON:
        out: JSON = {
            "country_code": cpo.country_code,
            "party_id": cpo.party_id,
            "id": plan.id,
            "currency": plan.currency,
            "type": plan.type,
            "tariff_alt_text": [{"language": lang, "text": t} for lang, t in plan.alt_text],
        }
        without, with_vat = self.limit_fields
        for key, value in (("min_price", plan.min_price), ("max_price", plan.max_price)):
            if value is not None:
                out[key] = {without: value, with_vat: round(value * (1 + plan.vat / 100), 2)}
        out["elements"] = self._elements(plan, with_vat=True)
        out["last_updated"] = iso(plan.last_updated)
        return out

    def token(self, card: TokenCard, emsp: Party) -> JSON:
        out: JSON = {
            "country_code": emsp.country_code,
            "party_id": emsp.party_id,
            "uid": card.uid,
            "type": card.kind,
            "contract_id": card.contract_id,
        }
        if card.visual_number is not None:
            out["visual_number"] = card.visual_number
        out["issuer"] = card.issuer
        if card.group_id is not None:
            out["group_id"] = card.group_id
        out["valid"] = True
        out["whitelist"] = "ALLOWED" if card.kind == "RFID" else "NEVER"
        out["language"] = card.language
        if card.profile is not None:
            out["default_profile_type"] = card.profile
        if card.energy_contract is not None:
            supplier, contract = card.energy_contract
            out["energy_contract"] = {"supplier_name": supplier, "contract_id": contract}
        out["last_updated"] = iso(card.last_updated)
        return out

    def connector_power(self, connector: Mapping[str, Any]) -> tuple[str, int, int]:
        return (
            str(connector["power_type"]),
            int(connector["max_voltage"]),
            int(connector["max_amperage"]),
        )

    def connector_tariff_ids(self, connector: Mapping[str, Any]) -> tuple[str, ...]:
        return tuple(connector.get("tariff_ids") or ())

    def auth_methods(self, kind: str) -> tuple[str, ...]:
        return ("AUTH_REQUEST", "WHITELIST") if kind == "RFID" else ("COMMAND",)

    def _power_dimensions(self, period: PeriodState, *, for_cdr: bool) -> list[JSON]:
        out: list[JSON] = []
        if not for_cdr:  # POWER is a Session-only dimension
            average = period.wh / period.charging_seconds * 3.6
            out.append({"type": "POWER", "volume": round(average, 2)})
        out.append({"type": "MAX_POWER", "volume": period.max_kw})
        return out

    def _period(self, period: PeriodState, *, for_cdr: bool) -> JSON:
        out = super()._period(period, for_cdr=for_cdr)
        if period.tariff_id is not None:
            out["tariff_id"] = period.tariff_id
        return out

    def _cdr_token(self, run: RunContext) -> JSON:
        token = run.token
        return {
            "country_code": token["country_code"],
            "party_id": token["party_id"],
            "uid": token["uid"],
            "type": token["type"],
            "contract_id": token["contract_id"],
        }

    def session(self, run: RunContext, state: SessionState) -> JSON:
        out: JSON = {
            "country_code": run.cpo.country_code,
            "party_id": run.cpo.party_id,
            "id": run.session_id,
            "start_date_time": iso(run.start),
        }
        if state.end is not None:
            out["end_date_time"] = iso(state.end)
        out["kwh"] = _kwh(state.wh)
        out["cdr_token"] = self._cdr_token(run)
        out["auth_method"] = run.auth_method
        if run.authorization_reference is not None:
            out["authorization_reference"] = run.authorization_reference
        out["location_id"] = run.location["id"]
        out["evse_uid"] = run.evse["uid"]
        out["connector_id"] = run.connector["id"]
        out["meter_id"] = run.meter_id
        out["currency"] = run.currency
        if state.periods:
            out["charging_periods"] = self.periods(state.periods, for_cdr=False)
        if state.total_cost is not None:
            out["total_cost"] = state.total_cost
        out["status"] = state.status
        out["last_updated"] = iso(state.last_updated)
        return out

    def cdr(
        self,
        run: RunContext,
        state: SessionState,
        costs: Mapping[str, Any],
        cdr_id: str,
        last_updated: datetime,
    ) -> JSON:
        self._check_costs(costs)
        location, evse, connector = run.location, run.evse, run.connector
        cdr_location: JSON = {"id": location["id"]}
        for key in ("name", "address", "city", "postal_code", "country", "coordinates"):
            if key in location:
                cdr_location[key] = location[key]
        cdr_location.update(
            {
                "evse_uid": evse["uid"],
                "evse_id": evse["evse_id"],
                "connector_id": connector["id"],
                "connector_standard": connector["standard"],
                "connector_format": connector["format"],
                "connector_power_type": connector["power_type"],
            }
        )
        out: JSON = {
            "country_code": run.cpo.country_code,
            "party_id": run.cpo.party_id,
            "id": cdr_id,
            "start_date_time": iso(run.start),
            "end_date_time": iso(state.end or state.last_updated),
            "session_id": run.session_id,
            "cdr_token": self._cdr_token(run),
            "auth_method": run.auth_method,
        }
        if run.authorization_reference is not None:
            out["authorization_reference"] = run.authorization_reference
        out["cdr_location"] = cdr_location
        out["meter_id"] = run.meter_id
        out["currency"] = run.currency
        out["tariffs"] = list(run.tariffs)
        out["charging_periods"] = self.periods(state.periods, for_cdr=True)
        _put_totals(out, run, state, costs, self.cost_fields)
        out["last_updated"] = iso(last_updated)
        return out


class _V230(_V221):
    """2.3.0: the 2.2.1 shapes with taxes instead of VAT in prices, plus parking, help phone and
    Plug & Charge. Generated tariff prices exclude taxes (``tax_included`` NO) and every price
    component states its VAT, as in 2.2.1."""

    version = "2.3.0"
    capabilities = _values(v2_3_0.Capability)
    facilities = _values(v2_3_0.Facility)
    session_statuses = _values(v2_3_0.SessionStatus)
    connector_capabilities = _values(v2_3_0.ConnectorCapability)
    limit_fields = ("before_taxes", "after_taxes")

    def location(self, site: Site, cpo: Party) -> JSON:
        out = super().location(site, cpo)
        bays = {evse.bay.id: evse.bay for evse in site.evses if evse.bay is not None}
        if bays:
            places = [self._parking(bay) for bay in bays.values()]
            out = _insert(out, "evses", {"parking_places": places})
        if site.help_phone is not None:
            out = _insert(out, "energy_mix", {"help_phone": site.help_phone})
        return out

    def _parking(self, bay: Bay) -> JSON:
        out: JSON = {
            "id": bay.id,
            "physical_reference": bay.physical_reference,
            "vehicle_types": list(bay.vehicle_types),
        }
        for key, value in (
            ("max_vehicle_weight", bay.max_vehicle_weight),
            ("max_vehicle_height", bay.max_vehicle_height),
            ("max_vehicle_length", bay.max_vehicle_length),
            ("max_vehicle_width", bay.max_vehicle_width),
            ("parking_space_length", bay.space_length),
            ("parking_space_width", bay.space_width),
            ("dangerous_goods_allowed", bay.dangerous_goods_allowed),
        ):
            if value is not None:
                out[key] = value
        out["direction"] = bay.direction
        out["drive_through"] = bay.drive_through
        out["restricted_to_type"] = False  # other vehicles may use the bays if they fit
        out["reservation_required"] = False
        if bay.roofed is not None:
            out["roofed"] = bay.roofed
        return out

    def _evse(self, evse: Evse) -> JSON:
        out = super()._evse(evse)
        if evse.bay is not None:
            link = {"parking_id": evse.bay.id, "evse_position": evse.bay.evse_position}
            out = _insert(out, "parking_restrictions", {"parking": [link]})
        return out

    def connector(self, plug: Plug) -> JSON:
        out = super().connector(plug)
        offered = set(plug.capabilities)
        capabilities = [c for c in self.connector_capabilities if c in offered]
        if capabilities:
            out = _insert(out, "tariff_ids", {"capabilities": capabilities})
        return out

    def tariff(self, plan: TariffPlan, cpo: Party) -> JSON:
        out = super().tariff(plan, cpo)
        if plan.preauthorize is not None:
            extra = {"preauthorize_amount": plan.preauthorize}
            out = _insert(out, "elements", extra, before=True)
        return _insert(out, "elements", {"tax_included": "NO"})

    def session(self, run: RunContext, state: SessionState) -> JSON:
        return super().session(run, replace(state, total_cost=self._price(run, state.total_cost)))

    def cdr(
        self,
        run: RunContext,
        state: SessionState,
        costs: Mapping[str, Any],
        cdr_id: str,
        last_updated: datetime,
    ) -> JSON:
        prices = {
            key: self._price(run, value) if key in self.cost_fields else value
            for key, value in costs.items()
        }
        return super().cdr(run, state, prices, cdr_id, last_updated)

    def _price(self, run: RunContext, cost: Any) -> Any:
        """``cost`` as a 2.3.0 Price.

        A Price (or anything else) passes as it is. ``{"before_taxes", "after_taxes"}``, what
        ``ocpi_totals()`` of the tariff engine gives, becomes a Price whose one tax, VAT, is the
        difference; the rate is stated when the run's tariffs agree on one. An unknown
        ``after_taxes`` gives a Price without ``taxes`` (taxes not stated), an equal one with
        an unknown rate a Price with no taxes.
        """
        if not isinstance(cost, Mapping) or "after_taxes" not in cost or "taxes" in cost:
            return cost
        before, after = cost.get("before_taxes"), cost["after_taxes"]
        if before is None:
            raise ValueError(f"a 2.3.0 Price needs its amount before taxes: {dict(cost)!r}")
        out: JSON = {"before_taxes": before}
        if after is None:
            return out
        amount = float(Decimal(str(after)) - Decimal(str(before)))
        rate = _vat_rate(run.tariffs)
        tax: JSON = {"name": "VAT"}
        if rate is not None:
            tax["percentage"] = rate
        tax["amount"] = amount
        out["taxes"] = [tax] if amount or rate is not None else []
        return out


def _vat_rate(tariffs: Iterable[Mapping[str, Any]]) -> Any:
    """The VAT rate every price component of ``tariffs`` states, or None if they differ."""
    rates = {
        component.get("vat")
        for tariff in tariffs
        for element in tariff.get("elements", ())
        for component in element.get("price_components", ())
    }
    return rates.pop() if len(rates) == 1 else None


def _insert(payload: JSON, key: str, items: Mapping[str, Any], *, before: bool = False) -> JSON:
    """``payload`` with ``items`` right after ``key`` (or before it), keeping the spec order.

    Without ``key`` the items go last.
    """
    if key not in payload:
        return {**payload, **items}
    out: JSON = {}
    for name, value in payload.items():
        if name == key and before:
            out.update(items)
        out[name] = value
        if name == key and not before:
            out.update(items)
    return out


class _V211(Dialect):
    version = "2.1.1"
    capabilities = _values(v2_1_1.Capability)
    facilities = _values(v2_1_1.Facility)
    session_statuses = _values(v2_1_1.SessionStatus)
    cost_fields = frozenset({"total_cost"})
    impact_key = "source"
    _location_types: ClassVar[dict[str, str]] = {
        "ALONG_MOTORWAY": "PARKING_LOT",  # 2.1.1 has no motorway type: a service area lot
        "ON_DRIVEWAY": "OTHER",
    }

    def location(self, site: Site, cpo: Party) -> JSON:
        out: JSON = {"id": site.id, "type": self._location_types.get(site.kind, site.kind)}
        out.update(self._site_common(site))
        return self.finish(out)

    def connector(self, plug: Plug) -> JSON:
        out: JSON = {
            "id": plug.id,
            "standard": plug.standard,
            "format": plug.format,
            "power_type": plug.power_type,
            "voltage": plug.voltage,
            "amperage": plug.amperage,
        }
        if plug.tariff_ids:
            out["tariff_id"] = plug.tariff_ids[0]
        out["last_updated"] = iso(plug.last_updated)
        return out

    def tariff(self, plan: TariffPlan, cpo: Party) -> JSON:
        out: JSON = {
            "id": plan.id,
            "currency": plan.currency,
            "tariff_alt_text": [{"language": lang, "text": t} for lang, t in plan.alt_text],
            "elements": self._elements(plan, with_vat=False),
            "last_updated": iso(plan.last_updated),
        }
        return self.finish(out)

    def token(self, card: TokenCard, emsp: Party) -> JSON:
        out: JSON = {
            "uid": card.uid,
            "type": "RFID" if card.kind == "RFID" else "OTHER",  # 2.1.1 has no APP_USER
            "auth_id": card.contract_id,
        }
        if card.visual_number is not None:
            out["visual_number"] = card.visual_number
        out["issuer"] = card.issuer
        out["valid"] = True
        out["whitelist"] = "ALLOWED" if card.kind == "RFID" else "NEVER"
        out["language"] = card.language
        out["last_updated"] = iso(card.last_updated)
        return self.finish(out)

    def connector_power(self, connector: Mapping[str, Any]) -> tuple[str, int, int]:
        return (
            str(connector["power_type"]),
            int(connector["voltage"]),
            int(connector["amperage"]),
        )

    def connector_tariff_ids(self, connector: Mapping[str, Any]) -> tuple[str, ...]:
        tariff_id = connector.get("tariff_id")
        return (str(tariff_id),) if tariff_id else ()

    def auth_methods(self, kind: str) -> tuple[str, ...]:
        # 2.1.1 has no COMMAND: a session started from an app is authorised by request
        return ("AUTH_REQUEST", "WHITELIST") if kind == "RFID" else ("AUTH_REQUEST",)

    def _one_connector_location(self, run: RunContext) -> JSON:
        """The Location with only the EVSE and Connector of the session, as 2.1.1 wants it."""
        evse = {**run.evse, "connectors": [run.connector]}
        return {**run.location, "evses": [evse]}

    def session(self, run: RunContext, state: SessionState) -> JSON:
        out: JSON = {"id": run.session_id, "start_datetime": iso(run.start)}
        if state.end is not None:
            out["end_datetime"] = iso(state.end)
        out["kwh"] = _kwh(state.wh)
        out["auth_id"] = run.token["auth_id"]
        out["auth_method"] = run.auth_method
        out["location"] = self._one_connector_location(run)
        out["meter_id"] = run.meter_id
        out["currency"] = run.currency
        if state.periods:
            out["charging_periods"] = self.periods(state.periods, for_cdr=False)
        if state.total_cost is not None:
            out["total_cost"] = state.total_cost
        out["status"] = state.status
        out["last_updated"] = iso(state.last_updated)
        return self.finish(out)

    def cdr(
        self,
        run: RunContext,
        state: SessionState,
        costs: Mapping[str, Any],
        cdr_id: str,
        last_updated: datetime,
    ) -> JSON:
        self._check_costs(costs)
        out: JSON = {
            "id": cdr_id,
            "start_date_time": iso(run.start),
            "stop_date_time": iso(state.end or state.last_updated),
            "auth_id": run.token["auth_id"],
            "auth_method": run.auth_method,
            "location": self._one_connector_location(run),
            "meter_id": run.meter_id,
            "currency": run.currency,
            "tariffs": list(run.tariffs),
            "charging_periods": self.periods(state.periods, for_cdr=True),
        }
        _put_totals(out, run, state, costs, self.cost_fields)
        out["last_updated"] = iso(last_updated)
        return self.finish(out)

    def finish(self, payload: JSON) -> JSON:
        return {key: _fold_strings(value) for key, value in payload.items()}


def _fold_strings(value: Any) -> Any:
    if isinstance(value, str):
        return ascii_text(value)
    if isinstance(value, dict):
        return {key: _fold_strings(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_fold_strings(item) for item in value]
    return value


_TOTALS_ORDER = (
    "total_cost",
    "total_fixed_cost",
    "total_energy",
    "total_energy_cost",
    "total_time",
    "total_time_cost",
    "total_parking_time",
    "total_parking_cost",
    "total_reservation_cost",
)


def _put_totals(
    out: JSON,
    run: RunContext,
    state: SessionState,
    costs: Mapping[str, Any],
    cost_fields: frozenset[str],
) -> None:
    """The CDR totals, in spec order: the caller's costs between the run's measured quantities.

    Costs the version has no field for are left out, and measured totals the caller passes
    (``total_energy``, ``total_time``, ``total_parking_time``) give way to the run's own.
    """
    end = state.end or state.last_updated
    measured: JSON = {
        "total_energy": _kwh(state.wh),
        "total_time": _hours(int((end - run.start).total_seconds())),
        "total_parking_time": _hours(sum(p.parking_seconds for p in state.periods)),
    }
    for key in _TOTALS_ORDER:
        if key in measured:
            out[key] = measured[key]
        elif key in cost_fields and key in costs:
            out[key] = costs[key]


DIALECTS: dict[str, Dialect] = {d.version: d for d in (_V211(), _V221(), _V230())}
"""The dialect of every supported version."""


def dialect(version: str) -> Dialect:
    """The dialect of ``version``; a ValueError names the supported versions."""
    try:
        return DIALECTS[version]
    except KeyError:
        known = ", ".join(sorted(DIALECTS))
        raise ValueError(f"unsupported OCPI version {version!r}; supported: {known}") from None
