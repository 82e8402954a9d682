"""The exceptions of the tariff engine; both are :class:`ocpi_sdk.errors.OcpiError`."""

from __future__ import annotations

from collections.abc import Sequence

from ocpi_sdk.errors import OcpiError

__all__ = ["CannotVerify", "TariffError", "TimeZoneRequired"]


class TariffError(OcpiError, ValueError):
    """Tariffs and a session or CDR that cannot be priced together (no tariff at all, OCPI versions
    mixed, a restriction that is not ``HH:MM``, an unknown time zone name, ...)."""


class TimeZoneRequired(TariffError):
    """A tariff has time-of-day, date or day-of-week restrictions, which the spec defines in the
    local time of the Location, and no time zone could be found for it.

    ``tariff_ids`` names the tariffs that need it; ``candidates`` lists the zones of the country
    when the country has several. Pass ``time_zone="Europe/Amsterdam"`` (``--time-zone``) or the
    Location (``location=``, ``--location``).
    """

    def __init__(self, tariff_ids: Sequence[str], reason: str, candidates: Sequence[str] = ()):
        self.tariff_ids = tuple(tariff_ids)
        self.candidates = tuple(candidates)
        ids = ", ".join(repr(i) for i in self.tariff_ids)
        super().__init__(
            f"tariff {ids} has time-of-day, date or day-of-week restrictions, which apply in the "
            f"Location's local time, but {reason}; give the time zone (time_zone= or --time-zone, "
            "e.g. Europe/Amsterdam) or the Location (location= or --location)"
        )


class CannotVerify(TariffError):
    """A CDR's totals cannot be checked against the computed ones: ``reasons`` says why (a
    tariff in another currency than the CDR, no tariff valid at the session's time)."""

    def __init__(self, cdr_id: str, reasons: Sequence[str]):
        self.reasons = tuple(reasons)
        super().__init__(f"cannot verify CDR {cdr_id!r}: " + "; ".join(self.reasons))
