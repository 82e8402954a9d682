"""Which time zone a session's local-time restrictions are read in.

Order (first that gives an answer wins):

1. the ``time_zone=`` the caller gives (``--time-zone``);
2. ``time_zone`` of the Location the caller gives (``location=``, ``--location``);
3. ``time_zone`` of the location embedded in the document (2.1.1 CDRs and Sessions carry one);
4. the country of the location (2.2.1 ``cdr_location.country``, 2.1.1 ``location.country``,
   ISO 3166 alpha-3, alpha-2 accepted too) when the IANA database lists exactly one zone for it,
   or when all of its zones have the same UTC offset at every instant that matters to the
   session (Germany: Europe/Berlin and Europe/Busingen). The choice is reported in the notes.

Otherwise :func:`resolve` returns no zone and the pricer raises
:class:`~ocpi_sdk.tariffs.errors.TimeZoneRequired` if, and only if, a tariff needs local time.
There is never a silent UTC guess.

The zones of each country come from ``zone.tab`` of the ``tzdata`` package. Alpha-3 codes are
mapped to alpha-2 by :data:`ALPHA3`, which covers every European country (EU, EEA, the UK,
Switzerland, the Balkans, the microstates, Ukraine, Moldova, Belarus, Russia, Turkey and the
Crown Dependencies, Faroe and Åland) and the other common EV-roaming markets: USA, Canada, Mexico,
Brazil, Argentina, Chile, Colombia, Peru, Australia, New Zealand, Japan, South Korea, China,
Hong Kong, Taiwan, Singapore, Malaysia, Thailand, Indonesia, Philippines, Vietnam, India, Israel,
UAE, Saudi Arabia, Qatar, Egypt, Morocco and South Africa.
"""

from __future__ import annotations

import functools
import importlib.resources
from collections.abc import Sequence
from datetime import datetime
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import attrs

from ocpi_sdk.tariffs.errors import TariffError

__all__ = ["ALPHA3", "ZoneChoice", "load_zone", "resolve", "zones_for_country"]

ALPHA3: dict[str, str] = {
    # Europe
    "ALA": "AX", "ALB": "AL", "AND": "AD", "AUT": "AT", "BEL": "BE", "BGR": "BG", "BIH": "BA",
    "BLR": "BY", "CHE": "CH", "CYP": "CY", "CZE": "CZ", "DEU": "DE", "DNK": "DK", "ESP": "ES",
    "EST": "EE", "FIN": "FI", "FRA": "FR", "FRO": "FO", "GBR": "GB", "GGY": "GG", "GIB": "GI",
    "GRC": "GR", "HRV": "HR", "HUN": "HU", "IMN": "IM", "IRL": "IE", "ISL": "IS", "ITA": "IT",
    "JEY": "JE", "LIE": "LI", "LTU": "LT", "LUX": "LU", "LVA": "LV", "MCO": "MC", "MDA": "MD",
    "MKD": "MK", "MLT": "MT", "MNE": "ME", "NLD": "NL", "NOR": "NO", "POL": "PL", "PRT": "PT",
    "ROU": "RO", "RUS": "RU", "SMR": "SM", "SRB": "RS", "SVK": "SK", "SVN": "SI", "SWE": "SE",
    "TUR": "TR", "UKR": "UA", "VAT": "VA", "XKX": "XK",
    # Americas
    "ARG": "AR", "BRA": "BR", "CAN": "CA", "CHL": "CL", "COL": "CO", "MEX": "MX", "PER": "PE",
    "USA": "US",
    # Asia-Pacific, Middle East, Africa
    "ARE": "AE", "AUS": "AU", "CHN": "CN", "EGY": "EG", "HKG": "HK", "IDN": "ID", "IND": "IN",
    "ISR": "IL", "JPN": "JP", "KOR": "KR", "MAR": "MA", "MYS": "MY", "NZL": "NZ", "PHL": "PH",
    "QAT": "QA", "SAU": "SA", "SGP": "SG", "THA": "TH", "TWN": "TW", "VNM": "VN", "ZAF": "ZA",
}  # fmt: skip


@attrs.frozen
class ZoneChoice:
    """The zone chosen (``None`` when there is none) and, in plain words, why."""

    zone: ZoneInfo | None
    reason: str
    candidates: tuple[str, ...] = ()

    @property
    def name(self) -> str | None:
        """The IANA name of the zone, if one was chosen."""
        return self.zone.key if self.zone is not None else None


def load_zone(name: str) -> ZoneInfo:
    """The IANA zone ``name``, or :class:`TariffError` when the database has no such zone."""
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise TariffError(
            f"unknown time zone {name!r} (expected an IANA name such as Europe/Amsterdam)"
        ) from None


@functools.cache
def _zone_table() -> dict[str, tuple[str, ...]]:
    text = (importlib.resources.files("tzdata") / "zoneinfo" / "zone.tab").read_text("utf-8")
    table: dict[str, list[str]] = {}
    for line in text.splitlines():
        if not line or line.startswith("#"):
            continue
        fields = line.split("\t")
        table.setdefault(fields[0], []).append(fields[2])
    return {code: tuple(zones) for code, zones in table.items()}


def zones_for_country(country: str) -> tuple[str, ...]:
    """The IANA zones of ``country`` (ISO 3166 alpha-2, or an alpha-3 code listed in
    :data:`ALPHA3`); empty when unknown."""
    code = country.strip().upper()
    if len(code) == 3:
        code = ALPHA3.get(code, "")
    return _zone_table().get(code, ())


def resolve(
    *,
    time_zone: str | None,
    location_zone: str | None,
    document_zone: str | None,
    country: str | None,
    instants: Sequence[datetime],
) -> ZoneChoice:
    """Pick the zone (see the module docstring for the order).

    ``instants`` are the moments that matter to the session (start, end, period starts): zones of
    one country that agree on the UTC offset at all of them give the same prices.
    """
    if time_zone:
        return ZoneChoice(load_zone(time_zone), "given by the caller")
    if location_zone:
        return ZoneChoice(load_zone(location_zone), "time_zone of the Location given")
    if document_zone:
        return ZoneChoice(load_zone(document_zone), "time_zone of the location in the document")
    if not country:
        return ZoneChoice(None, "no time zone was given and the document names no country")
    zones = zones_for_country(country)
    if not zones:
        return ZoneChoice(None, f"the zone of country {country!r} is not known")
    if len(zones) == 1:
        return ZoneChoice(ZoneInfo(zones[0]), f"the only time zone of country {country}", zones)
    first = ZoneInfo(zones[0])
    others = [ZoneInfo(z) for z in zones[1:]]
    if instants and all(
        moment.astimezone(first).utcoffset() == moment.astimezone(other).utcoffset()
        for other in others
        for moment in instants
    ):
        return ZoneChoice(
            first,
            f"country {country} has zones {', '.join(zones)}, which all have the "
            "same UTC offset throughout this session",
            zones,
        )
    return ZoneChoice(None, f"country {country} has several time zones ({', '.join(zones)})", zones)
