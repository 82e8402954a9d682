"""The OCPI tariff engine: price a Session or CDR with its Tariffs, and check a CDR's totals.

Pure: models in, money out, no I/O. Works with the models of OCPI 2.1.1, 2.2.1 and 2.3.0 (whose
totals are read before and after taxes: see :class:`PriceResult`).

>>> from ocpi_sdk.v2_2_1 import loads, CDR, Tariff
>>> from ocpi_sdk.tariffs import price, check_cdr
>>> result = price(loads(tariff_json, Tariff), loads(cdr_json, CDR),
...                time_zone="Europe/Amsterdam")  # doctest: +SKIP
>>> print(result)            # breakdown table, totals and notes  # doctest: +SKIP
>>> check_cdr(loads(cdr_json, CDR))  # [] when the CDR's totals are right  # doctest: +SKIP

Modules, one job each: :mod:`.adapters` (version models to neutral views), :mod:`.zones` (which
time zone), :mod:`.periods` (charging periods to segments, cut at restriction boundaries),
:mod:`.restrictions` (which element applies), :mod:`.pricer` (the price), :mod:`.result` (what it
returns), :mod:`.check` (CDR against computed totals).
"""

from __future__ import annotations

from ocpi_sdk.tariffs.check import Difference, check_cdr, compare
from ocpi_sdk.tariffs.errors import CannotVerify, TariffError, TimeZoneRequired
from ocpi_sdk.tariffs.model import Money
from ocpi_sdk.tariffs.pricer import price
from ocpi_sdk.tariffs.result import Line, PriceResult
from ocpi_sdk.tariffs.zones import zones_for_country

__all__ = [
    "CannotVerify",
    "Difference",
    "Line",
    "Money",
    "PriceResult",
    "TariffError",
    "TimeZoneRequired",
    "check_cdr",
    "compare",
    "price",
    "zones_for_country",
]
