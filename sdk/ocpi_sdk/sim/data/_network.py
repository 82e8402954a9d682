"""``NetworkData``: the seeded generator of one CPO's network and one eMSP's tokens."""

from __future__ import annotations

import random
import re
import uuid
from collections.abc import Mapping
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from ocpi_sdk.sim.data._dialects import Party, dialect
from ocpi_sdk.sim.data._facts import (
    EPOCH,
    Bay,
    Business,
    Component,
    Element,
    Evse,
    Hours,
    Plug,
    Site,
    TariffPlan,
    TokenCard,
)
from ocpi_sdk.sim.data._places import (
    CITIES,
    COUNTRIES,
    DIRECTIONS,
    EMSP_BRANDS,
    ENERGY_PRODUCTS,
    GARAGE_WORDS,
    LEGAL_FORMS,
    OPERATOR_BRANDS,
    RETAILERS,
    STREETS,
    City,
)
from ocpi_sdk.sim.data._run import ChargingRun

__all__ = ["NetworkData"]

JSON = dict[str, Any]

_COUNTRY_CODE = re.compile(r"^[A-Z]{2}$")
_PARTY_ID = re.compile(r"^[A-Z0-9]{3}$")

AC_STANDARD = "AC-STANDARD"
DC_FAST = "DC-FAST"
DC_ULTRA = "DC-ULTRA"
AD_HOC = "AD-HOC"

_WORKDAYS = ["MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY"]
_PAYMENT = ("CREDIT_CARD_PAYABLE", "DEBIT_CARD_PAYABLE", "CONTACTLESS_CARD_SUPPORT", "PED_TERMINAL")
_LANGUAGES = {"NL": "nl", "DE": "de", "BE": "nl", "FR": "fr", "AT": "de", "IT": "it", "ES": "es"}

# DC charger models: (connectors as (standard, voltage, amperage), tariff id); V x A = power.
_DC_MODELS: dict[str, tuple[tuple[tuple[str, int, int], ...], str]] = {
    "DC50": ((("IEC_62196_T2_COMBO", 400, 125), ("CHADEMO", 500, 100)), DC_FAST),
    "DC150": ((("IEC_62196_T2_COMBO", 750, 200),), DC_FAST),
    "DC350": ((("IEC_62196_T2_COMBO", 1000, 350),), DC_ULTRA),
}
# ISO 15118 Plug & Charge offered at the CCS connector of the newer DC models
_PLUG_AND_CHARGE: dict[str, tuple[str, ...]] = {
    "DC150": ("ISO_15118_2_PLUG_AND_CHARGE",),
    "DC350": ("ISO_15118_2_PLUG_AND_CHARGE", "ISO_15118_20_PLUG_AND_CHARGE"),
}
_GARAGE_CLEARANCE = {"PARKING_GARAGE": 210, "UNDERGROUND_GARAGE": 200}  # cm, signed at the gate

_KINDS = ("ON_STREET", "PARKING_GARAGE", "UNDERGROUND_GARAGE", "PARKING_LOT", "ALONG_MOTORWAY")
_KIND_WEIGHTS = (35, 15, 10, 25, 15)
_FACILITIES = {
    "ON_STREET": ("BUS_STOP", "TRAM_STOP", "CAFE", "SUPERMARKET", "BIKE_SHARING"),
    "PARKING_GARAGE": ("MALL", "TRAIN_STATION", "MUSEUM", "HOTEL", "RESTAURANT", "METRO_STATION"),
    "UNDERGROUND_GARAGE": ("MALL", "TRAIN_STATION", "HOTEL", "RESTAURANT", "METRO_STATION"),
    "PARKING_LOT": ("SUPERMARKET", "MALL", "CAFE", "WIFI", "CARPOOL_PARKING"),
    "ALONG_MOTORWAY": ("FUEL_STATION", "RESTAURANT", "CAFE", "WIFI"),
}
_STATUSES = ("AVAILABLE", "CHARGING", "OUTOFORDER", "INOPERATIVE", "BLOCKED", "UNKNOWN")
_STATUS_WEIGHTS = (72, 18, 4, 2, 2, 2)


def _seconds(rng: random.Random, days: float) -> timedelta:
    return timedelta(seconds=rng.randrange(int(days * 86400)))


def _legal(country: str) -> str:
    return LEGAL_FORMS.get(country, "Ltd")


def _postal_code(rng: random.Random, city: City) -> str:
    number = rng.randint(city.postal_low, city.postal_high)
    if city.postal_style == "nl":  # 1234 AB; SA, SD and SS are not issued
        letters = "ABCDEFGHJKLMNPRTVWXZ"
        pair = "SS"
        while pair in {"SA", "SD", "SS"}:
            pair = rng.choice(letters) + rng.choice(letters)
        return f"{number} {pair}"
    if city.postal_style == "at-vienna":  # 1010 to 1230: the district between 1 and 0
        return f"1{number:02d}0"
    return f"{number:0{int(city.postal_style)}d}"


def _address(rng: random.Random, city: City) -> tuple[str, str]:
    street = rng.choice(STREETS[city.language])
    number = str(rng.randint(1, 240))
    if city.language in {"nl", "de"} and rng.random() < 0.12:
        number += rng.choice("abc" if city.language == "de" else "ABC")
    if city.language == "fr":
        return street, f"{number} {street}"
    if city.language in {"it", "es"}:
        return street, f"{street}, {number}"
    return street, f"{street} {number}"


def _with_bays(kind: str, evses: list[Evse]) -> list[Evse]:
    """``evses`` with the parking space each charges, where a CPO would publish it.

    In garages every EVSE charges one marked bay (the clearance of the garage limits the
    height); along motorways the first (fastest) EVSE has a drive-through bay for a car with
    a trailer. Nothing is drawn: the bays follow from the site.
    """
    if kind in _GARAGE_CLEARANCE:
        return [
            replace(
                evse,
                bay=Bay(
                    id=f"BAY-{evse.physical_reference}",
                    physical_reference=f"{evse.floor_level}.{evse.physical_reference}",
                    vehicle_types=("PERSONAL_VEHICLE",),
                    direction="PERPENDICULAR",
                    evse_position="CENTER",
                    drive_through=False,
                    roofed=True,
                    max_vehicle_height=_GARAGE_CLEARANCE[kind],
                    space_length=500,
                    space_width=250,
                ),
            )
            for evse in evses
        ]
    if kind == "ALONG_MOTORWAY" and evses:
        trailer = Bay(
            id=f"BAY-{evses[0].physical_reference}",
            physical_reference=evses[0].physical_reference,
            vehicle_types=("PERSONAL_VEHICLE", "PERSONAL_VEHICLE_WITH_TRAILER"),
            direction="PARALLEL",
            evse_position="RIGHT",
            drive_through=True,
            max_vehicle_weight=3500,
            max_vehicle_height=400,
            max_vehicle_length=1800,
            max_vehicle_width=255,
            space_length=2000,
            space_width=400,
            dangerous_goods_allowed=False,
        )
        return [replace(evses[0], bay=trailer), *evses[1:]]
    return evses


def _local_day(day: datetime, time_zone: str) -> tuple[datetime, datetime]:
    """A whole local calendar day as a UTC interval."""
    zone = ZoneInfo(time_zone)
    begin = day.replace(tzinfo=zone)
    return begin.astimezone(UTC), (begin + timedelta(days=1)).astimezone(UTC)


class NetworkData:
    """Seeded, realistic OCPI data of one CPO's network and one eMSP's tokens.

    Everything is a JSON-ready dict of ``version`` that validates against its schemas. The same
    ``seed`` gives byte-identical data, and the same network in every version: each object is
    drawn from its own generator seeded with the seed and the object's index, so
    ``locations(5)`` is the start of ``locations(50)``. Timestamps are 2024-01-01T00:00:00Z plus
    seeded offsets; nothing reads the clock.

    >>> data = NetworkData("2.2.1", seed=7)
    >>> location = data.locations(1)[0]
    >>> location["evses"][0]["evse_id"]  # doctest: +SKIP
    'NL*CPO*E0000101'
    """

    def __init__(
        self,
        version: str,
        *,
        seed: int = 0,
        country_code: str = "NL",
        party_id: str = "CPO",
        emsp_country_code: str = "NL",
        emsp_party_id: str = "MSP",
    ) -> None:
        for name, value, pattern in (
            ("country_code", country_code, _COUNTRY_CODE),
            ("emsp_country_code", emsp_country_code, _COUNTRY_CODE),
            ("party_id", party_id, _PARTY_ID),
            ("emsp_party_id", emsp_party_id, _PARTY_ID),
        ):
            if not pattern.match(value):
                raise ValueError(f"{name} {value!r} does not match {pattern.pattern}")
        self.version = version
        self.seed = seed
        self.cpo = Party(country_code, party_id)
        self.emsp = Party(emsp_country_code, emsp_party_id)
        self._dialect = dialect(version)
        brands = self._rng("brands")
        self._operator_brand = brands.choice(OPERATOR_BRANDS)
        self._emsp_brand = brands.choice(EMSP_BRANDS)
        self._plans = self._tariff_plans()
        self._sites: dict[int, Site] = {}

    def _rng(self, *topic: object) -> random.Random:
        """A generator for one topic: its draws do not depend on what else was generated."""
        return random.Random(":".join(["ocpi-sdk-sim", str(self.seed), *map(str, topic)]))

    # -- public API ------------------------------------------------------------------------

    def locations(self, count: int) -> list[JSON]:
        """``count`` Locations of the CPO in several European countries, 1 to 20 EVSEs each."""
        if count < 0:
            raise ValueError(f"count must not be negative, got {count}")
        return [self._dialect.location(self._site(index), self.cpo) for index in range(count)]

    def tariffs(self) -> list[JSON]:
        """The CPO's Tariffs: every tariff id a generated Connector references is among them."""
        return [self._dialect.tariff(plan, self.cpo) for plan in self._plans]

    def tokens(self, count: int) -> list[JSON]:
        """``count`` Tokens of the eMSP: mostly RFID cards, some app users."""
        if count < 0:
            raise ValueError(f"count must not be negative, got {count}")
        offset = self._rng("token-serials").randrange(10**8)
        return [self._dialect.token(self._card(i, offset), self.emsp) for i in range(count)]

    def session(
        self,
        *,
        token: Mapping[str, Any],
        location: Mapping[str, Any],
        evse_uid: str,
        connector_id: str,
        start: datetime,
        kwh_target: float,
        session_id: str,
        parking: timedelta | None = None,
    ) -> ChargingRun:
        """A charging run of ``token`` at one connector of ``location`` from ``start``.

        ``token`` and ``location`` are dicts of this generator's version (from :meth:`tokens`
        and :meth:`locations`, or shaped like them). The run delivers ``kwh_target`` kWh along
        a curve that suits the connector, then the car stays parked for ``parking`` (drawn from
        the seed when ``None``). A naive ``start`` is taken as UTC. Its randomness is seeded by
        the generator's seed and ``session_id``, so it does not depend on call order.
        """
        evse = next((e for e in location.get("evses", ()) if e.get("uid") == evse_uid), None)
        if evse is None:
            raise ValueError(f"location {location.get('id')!r} has no EVSE {evse_uid!r}")
        connector = next((c for c in evse["connectors"] if c.get("id") == connector_id), None)
        if connector is None:
            raise ValueError(f"EVSE {evse_uid!r} has no connector {connector_id!r}")
        by_id = {plan.id: plan for plan in self._plans}
        tariff_ids = self._dialect.connector_tariff_ids(connector)
        used = [by_id[tid] for tid in tariff_ids[:1] if tid in by_id]
        return ChargingRun(
            dialect=self._dialect,
            cpo=self.cpo,
            token=dict(token),
            location=dict(location),
            evse=dict(evse),
            connector=dict(connector),
            tariffs=tuple(self._dialect.tariff(plan, self.cpo) for plan in used),
            start=start,
            kwh_target=kwh_target,
            session_id=session_id,
            rng=self._rng("session", session_id),
            parking=parking,
        )

    # -- locations -------------------------------------------------------------------------

    def _site(self, index: int) -> Site:
        site = self._sites.get(index)
        if site is None:
            site = self._sites[index] = self._draw_site(index)
        return site

    def _draw_site(self, index: int) -> Site:
        rng = self._rng("location", index)
        city = rng.choice(CITIES)
        country = COUNTRIES[city.country]
        kind = rng.choices(_KINDS, weights=_KIND_WEIGHTS)[0]
        site_id = f"{city.country}-{city.code}-{index + 1:05d}"
        latitude = round(city.latitude + rng.uniform(-0.02, 0.02), 6)
        longitude = round(city.longitude + rng.uniform(-0.03, 0.03), 6)
        street, address = _address(rng, city)
        postal_code = _postal_code(rng, city)
        brand = self._operator_brand
        domain = f"https://www.{brand.lower()}.example"
        operator = Business(
            f"{brand} {_legal(self.cpo.country_code)}", domain, f"{domain}/logo.png"
        )
        suboperator: Business | None = None
        owner: Business | None = None
        directions: tuple[tuple[str, str], ...] = ()
        floors: tuple[str, ...] = ()
        restrictions: tuple[str, ...] = ("EV_ONLY",)
        if kind == "ON_STREET":
            name = f"{city.name} {street}"
            plan = [("AC", rng.choice((1, 2, 2, 2, 4)))]
            hours = Hours(None)
            when_closed: bool | None = None
        elif kind in {"PARKING_GARAGE", "UNDERGROUND_GARAGE"}:
            name = f"{GARAGE_WORDS[city.language]} {street}"
            plan = [("AC", rng.randint(4, 18)), ("DC50", rng.choice((0, 0, 1, 2)))]
            floors = ("-1", "-2") if kind == "UNDERGROUND_GARAGE" else ("0", "1", "2", "3")
            level = rng.choice(floors)
            floors = (level,)
            directions = tuple(
                (lang, DIRECTIONS[lang].format(level=level))
                for lang in dict.fromkeys(("en", city.language))
            )
            if rng.random() < 0.5:
                suboperator = Business(f"ParkCity Garages {_legal(city.country)}")
            if rng.random() < 0.5:
                hours = Hours(None)
            else:
                christmas = _local_day(datetime(2024, 12, 25), country.time_zone)
                hours = Hours(
                    (*((day, "06:00", "23:30") for day in range(1, 7)), (7, "08:00", "22:00")),
                    (christmas,),
                )
            when_closed = rng.random() < 0.5
        elif kind == "PARKING_LOT":
            retailer = rng.choice(RETAILERS)
            name = f"{retailer} {city.name}"
            owner = Business(
                f"{retailer} {_legal(city.country)}", f"https://www.{retailer.lower()}.example"
            )
            plan = [("AC", rng.randint(2, 8)), (rng.choice(("DC50", "DC150")), rng.randint(1, 4))]
            restrictions = ("EV_ONLY", "CUSTOMERS")
            sunday = () if city.country in {"DE", "AT"} else ((7, "10:00", "18:00"),)
            hours = Hours(tuple((day, "08:00", "21:00") for day in range(1, 7)) + sunday)
            when_closed = False
        else:  # ALONG_MOTORWAY
            name = f"{brand} {city.motorway} {city.name}"
            plan = [
                (rng.choice(("DC150", "DC350", "DC350")), rng.randint(4, 12)),
                ("DC50", rng.choice((0, 1, 2))),
                ("AC", rng.choice((0, 0, 2))),
            ]
            hours = Hours(None)
            when_closed = None

        evses: list[Evse] = []
        for model, count in plan:
            for _ in range(count):
                if len(evses) == 20:
                    break
                evses.append(
                    self._draw_evse(
                        rng,
                        model,
                        site_id,
                        index,
                        len(evses),
                        latitude,
                        longitude,
                        floors,
                        restrictions,
                    )
                )
        evses = _with_bays(kind, evses)
        facilities = tuple(rng.sample(_FACILITIES[kind], rng.randint(1, 3)))
        product = rng.choice(ENERGY_PRODUCTS if rng.random() < 0.3 else ENERGY_PRODUCTS[:3])
        image = f"{domain}/img/locations/{site_id}.jpg" if rng.random() < 0.3 else None
        own_update = EPOCH + _seconds(rng, 120)
        last_updated = max([own_update, *(evse.last_updated for evse in evses)])
        return Site(
            id=site_id,
            name=name,
            address=address,
            city=city.name,
            postal_code=postal_code,
            country2=city.country,
            country3=country.alpha3,
            latitude=latitude,
            longitude=longitude,
            kind=kind,
            time_zone=country.time_zone,
            language=city.language,
            evses=tuple(evses),
            operator=operator,
            suboperator=suboperator,
            owner=owner,
            facilities=facilities,
            hours=hours,
            charging_when_closed=when_closed,
            energy=product,
            image=image,
            directions=directions,
            last_updated=last_updated,
            help_phone=self._help_phone(city.country),
        )

    def _help_phone(self, country: str) -> str:
        """The CPO's customer service line in ``country``: one seeded number per country."""
        digits = str(self._rng("help-phone", country).randrange(10**8, 10**9))
        code = COUNTRIES[country].calling_code
        return f"+{code} {digits[:3]} {digits[3:6]} {digits[6:]}"

    def _draw_evse(
        self,
        rng: random.Random,
        model: str,
        site_id: str,
        site_index: int,
        number: int,
        latitude: float,
        longitude: float,
        floors: tuple[str, ...],
        restrictions: tuple[str, ...],
    ) -> Evse:
        evse_updated = EPOCH + _seconds(rng, 120)
        plug_updated = max(EPOCH, evse_updated - _seconds(rng, 30))
        capabilities = ["RFID_READER", "REMOTE_START_STOP_CAPABLE"]
        if rng.random() < 0.4:
            capabilities.append("CHARGING_PROFILE_CAPABLE")
        if model == "AC":
            power_type = "AC_3_PHASE" if rng.random() < 0.9 else "AC_1_PHASE"
            amperage = rng.choice((16, 32, 32)) if power_type == "AC_3_PHASE" else 32
            socket = rng.random() < 0.85
            if socket:
                capabilities.append("UNLOCK_CAPABLE")
            if rng.random() < 0.2:
                capabilities.append("RESERVABLE")
            if rng.random() < 0.3:
                capabilities.append("TOKEN_GROUP_CAPABLE")
            specs: tuple[tuple[str, int, int], ...] = (("IEC_62196_T2", 230, amperage),)
            connector_format = "SOCKET" if socket else "CABLE"
            tariff = AC_STANDARD
        else:
            power_type = "DC"
            specs, tariff = _DC_MODELS[model]
            connector_format = "CABLE"
            if rng.random() < 0.6:
                capabilities.extend(_PAYMENT)
        tariff_ids = (tariff, AD_HOC) if "CREDIT_CARD_PAYABLE" in capabilities else (tariff,)
        plugs = tuple(
            Plug(
                id=str(k + 1),
                standard=standard,
                format=connector_format,
                power_type=power_type,
                voltage=voltage,
                amperage=amperage,
                tariff_ids=tariff_ids,
                last_updated=plug_updated,
                capabilities=_PLUG_AND_CHARGE.get(model, ())
                if standard == "IEC_62196_T2_COMBO"
                else (),
            )
            for k, (standard, voltage, amperage) in enumerate(specs)
        )
        status = rng.choices(_STATUSES, weights=_STATUS_WEIGHTS)[0]
        if status == "AVAILABLE" and "RESERVABLE" in capabilities and rng.random() < 0.2:
            status = "RESERVED"
        parking = restrictions
        if rng.random() < 0.05:
            parking = (*restrictions, "DISABLED")
        operator_id = f"{self.cpo.country_code}*{self.cpo.party_id}"  # eMI3 EVSE ID prefix
        return Evse(
            uid=f"{site_id}-{number + 1:02d}",
            evse_id=f"{operator_id}*E{site_index + 1:05d}{number + 1:02d}",
            status=status,
            capabilities=tuple(capabilities),
            plugs=plugs,
            physical_reference=f"{number + 1:02d}",
            floor_level=floors[0] if floors else None,
            latitude=round(latitude + rng.uniform(-0.0003, 0.0003), 6),
            longitude=round(longitude + rng.uniform(-0.0004, 0.0004), 6),
            parking_restrictions=parking,
            last_updated=max(evse_updated, plug_updated),
        )

    # -- tariffs ---------------------------------------------------------------------------

    def _tariff_plans(self) -> tuple[TariffPlan, ...]:
        rng = self._rng("tariffs")
        vat = COUNTRIES[self.cpo.country_code].vat if self.cpo.country_code in COUNTRIES else 20.0

        def price(low: float, high: float) -> float:
            return round(rng.uniform(low, high), 2)

        def updated() -> datetime:
            return EPOCH + _seconds(rng, 60)

        day, night = price(0.29, 0.39), price(0.20, 0.26)
        dc_low, dc_high = price(0.42, 0.52), price(0.55, 0.69)
        ultra = round(dc_high + price(0.05, 0.12), 2)
        ac = TariffPlan(
            id=AC_STANDARD,
            type="REGULAR",
            currency="EUR",
            vat=vat,
            elements=(
                Element(
                    (Component("ENERGY", day, 1),), {"start_time": "07:00", "end_time": "23:00"}
                ),
                Element(
                    (Component("ENERGY", night, 1),), {"start_time": "23:00", "end_time": "07:00"}
                ),
                Element(
                    (Component("TIME", price(1.0, 2.4), 60),),
                    {"min_duration": 10800, "day_of_week": _WORKDAYS},
                ),
                Element((Component("PARKING_TIME", 0.0, 300),), {"max_duration": 7200}),
                Element(
                    (Component("PARKING_TIME", price(1.0, 2.0), 300),),
                    {
                        "start_time": "08:00",
                        "end_time": "20:00",
                        "day_of_week": [*_WORKDAYS, "SATURDAY"],
                    },
                ),
            ),
            alt_text=(
                (
                    "en",
                    f"EUR {day:.2f}/kWh 07:00-23:00, EUR {night:.2f}/kWh at night, excl. VAT; "
                    "time fee after 3 hours on workdays; parking fee after 2 hours by day.",
                ),
            ),
            min_price=None,
            max_price=None,
            last_updated=updated(),
        )
        fast = TariffPlan(
            id=DC_FAST,
            type="REGULAR",
            currency="EUR",
            vat=vat,
            elements=(
                Element((Component("FLAT", price(0.25, 0.99), 1),)),
                Element(
                    (Component("ENERGY", round(dc_high - 0.05, 2), 1),),
                    {"day_of_week": ["SATURDAY", "SUNDAY"], "min_power": 50.0},
                ),
                Element((Component("ENERGY", dc_high, 1),), {"min_power": 50.0}),
                Element((Component("ENERGY", dc_low, 1),), {"max_power": 50.0}),
                Element((Component("TIME", price(6.0, 12.0), 60),), {"min_duration": 2700}),
                Element((Component("PARKING_TIME", price(9.0, 15.0), 60),)),
            ),
            alt_text=(
                (
                    "en",
                    f"Session fee plus EUR {dc_high:.2f}/kWh from 50 kW, EUR {dc_low:.2f}/kWh "
                    "below, excl. VAT; time fee after 45 minutes.",
                ),
            ),
            min_price=None,
            max_price=None,
            last_updated=updated(),
        )
        hpc = TariffPlan(
            id=DC_ULTRA,
            type="PROFILE_FAST",
            currency="EUR",
            vat=vat,
            elements=(
                Element((Component("ENERGY", ultra, 1),), {"min_power": 150.0}),
                Element((Component("ENERGY", dc_high, 1),), {"max_power": 150.0}),
                Element((Component("TIME", price(12.0, 18.0), 60),), {"min_duration": 3600}),
                Element((Component("PARKING_TIME", price(12.0, 18.0), 60),)),
            ),
            alt_text=(
                ("en", f"EUR {ultra:.2f}/kWh from 150 kW, excl. VAT; time fee after 1 hour."),
            ),
            min_price=1.0 if rng.random() < 0.5 else None,
            max_price=round(rng.uniform(60.0, 90.0), 0) if rng.random() < 0.5 else None,
            last_updated=updated(),
        )
        adhoc_ac, adhoc_dc = price(0.49, 0.59), price(0.69, 0.85)
        adhoc = TariffPlan(
            id=AD_HOC,
            type="AD_HOC_PAYMENT",
            currency="EUR",
            vat=vat,
            elements=(
                Element((Component("FLAT", 0.5, 1),)),
                Element((Component("ENERGY", adhoc_ac, 1),), {"max_power": 22.0}),
                Element((Component("ENERGY", adhoc_dc, 1),), {"min_power": 22.0}),
            ),
            alt_text=(
                (
                    "en",
                    f"Pay by card: EUR 0.50 plus EUR {adhoc_ac:.2f}/kWh AC or EUR "
                    f"{adhoc_dc:.2f}/kWh DC, excl. VAT.",
                ),
            ),
            min_price=2.0,
            max_price=None,
            last_updated=updated(),
            preauthorize=50.0,
        )
        return (ac, fast, hpc, adhoc)

    # -- tokens ----------------------------------------------------------------------------

    def _card(self, index: int, offset: int) -> TokenCard:
        rng = self._rng("token", index)
        emsp = self.emsp
        serial = (index * 7919 + offset) % 10**8  # 7919 is prime: distinct for 10**8 tokens
        contract_id = f"{emsp.country_code}-{emsp.party_id}-C{serial:08d}"
        if rng.random() < 0.75:
            kind = "RFID"
            uid = f"04{rng.getrandbits(48):012X}"  # 7-byte NFC UID, NXP manufacturer byte
            visual: str | None = f"{emsp.country_code}-{emsp.party_id}-{serial:08d}"
        else:
            kind = "APP_USER"
            uid = str(uuid.UUID(int=rng.getrandbits(128), version=4))
            visual = None
        language = "en" if rng.random() < 0.2 else _LANGUAGES.get(emsp.country_code, "en")
        profile = rng.choice(("CHEAP", "FAST", "GREEN", "REGULAR")) if rng.random() < 0.2 else None
        energy_contract = None
        if rng.random() < 0.1:
            product = rng.choice(ENERGY_PRODUCTS)
            energy_contract = (product.supplier, f"EC{rng.randrange(10**7):07d}")
        return TokenCard(
            kind=kind,
            uid=uid,
            contract_id=contract_id,
            visual_number=visual,
            issuer=f"{self._emsp_brand} {_legal(emsp.country_code)}",
            group_id=f"FLEET-{rng.randint(1, 40):03d}" if rng.random() < 0.15 else None,
            language=language,
            profile=profile,
            energy_contract=energy_contract,
            last_updated=EPOCH + _seconds(rng, 90),
        )
