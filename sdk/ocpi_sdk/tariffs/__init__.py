"""The OCPI tariff engine: price a Session or CDR with its Tariffs, and check a CDR's totals.

Pure: models in, money out, no I/O. Works with the models of OCPI 2.1.1, 2.2.1 and 2.3.0 (whose
totals are read before and after taxes: see :class:`PriceResult`).

>>> from ocpi_sdk.v2_2_1 import loads, CDR, Tariff
>>> from ocpi_sdk.tariffs import price, check_cdr
>>> result = price(loads(tariff_json, Tariff), loads(cdr_json, CDR),
...                time_zone="Europe/Amsterdam")  # doctest: +SKIP
>>> print(result)            # breakdown table, totals and notes  # doctest: +SKIP
>>> check_cdr(loads(cdr_json, CDR))  # [] when the CDR's totals are right  # doctest: +SKIP

What is billed (issue 13): the volumes the CDR states; its timestamps only place them in time
(:mod:`.periods` says how, and what happens when periods overlap, repeat or fall outside the
session). Inputs pricing cannot use exactly (NaN, Infinity, more than 28 significant digits, a
negative TIME, PARKING_TIME, RESERVATION_TIME or ``step_size``, an end before the start) raise
:class:`TariffError` naming the field. A CDR that cannot be verified (a tariff in another
currency, no tariff valid when the session started) is priced, but :func:`check_cdr` and
:func:`compare` raise :class:`CannotVerify` rather than compare; a tariff that ends during the
session keeps applying (mod_tariffs, note on ``start_date_time``: "a driver accepts the tariff
which is valid when they start their charging session"). :mod:`.loading` loads documents whose
schema errors are in fields pricing does not read.

Readings where the spec allows two (a note names the reading whenever it changed the result):

- FLAT when the tariff changes mid-session: "a ``FLAT`` fee is a fixed amount that has to be paid
  for any Charging Session" (2.2.1 mod_tariffs, Tariff ``min_price``): billed once per session
  (and once for a reservation), by the first tariff in force whose element has a FLAT component
  that applies; a later tariff's FLAT is not billed again.
- ``min_duration``/``max_duration`` with a reservation: "Minimum duration in seconds the Charging
  Session MUST last" (mod_tariffs TariffRestrictions) is counted from the CDR's
  ``start_date_time``, which is "in-case of a reservation (before the start of a session) the
  start of the reservation" (mod_cdrs CDR), so reservation time counts.
- ``min_power``/``max_power`` (and current) when a period gives only ``MIN_``, only ``MAX_`` or
  only the average: the value given stands in for the missing one (see :mod:`.restrictions`).
- one-sided ``min_price``/``max_price`` (a 2.2.1 Price without ``incl_vat``): "they both apply"
  (mod_tariffs notes) is read side by side: each side of the total is limited by the same side
  of the limit only; a side the limit does not give is left as computed.
- charge, park, charge with ``step_size``: "taken into account once per session for ENERGY and
  once for PARKING_TIME and TIME combined", "the step_size of the last relevant PriceComponent is
  used" and it "uses the total amount of a certain unit used during a session" (2.2.1 mod_cdrs,
  step_size): the session total of the last time-based dimension (all its stretches) is rounded
  with the last component's ``step_size`` and the added amount billed at its price.
- 2.1.1 ``step_size``: "This unit will be billed in this step_size blocks" (2.1.1 mod_tariffs
  PriceComponent) with no rule for combining dimensions: each dimension's session total (ENERGY,
  TIME, PARKING_TIME) is rounded on its own.

Modules, one job each: :mod:`.adapters` (version models to neutral views), :mod:`.zones` (which
time zone), :mod:`.periods` (charging periods to segments, cut at restriction boundaries),
:mod:`.restrictions` (which element applies), :mod:`.pricer` (the price), :mod:`.result` (what it
returns), :mod:`.check` (CDR against computed totals), :mod:`.loading` (documents with defects
pricing does not care about).
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
