"""Seeded, realistic OCPI data that always validates: a CPO's network, an eMSP's tokens, sessions.

>>> from datetime import datetime, UTC
>>> from ocpi_sdk.sim.data import NetworkData
>>> data = NetworkData("2.2.1", seed=1)
>>> location, token = data.locations(1)[0], data.tokens(1)[0]
>>> evse = location["evses"][0]
>>> run = data.session(token=token, location=location, evse_uid=evse["uid"],
...                    connector_id=evse["connectors"][0]["id"],
...                    start=datetime(2024, 3, 1, 8, 0, tzinfo=UTC), kwh_target=20.0,
...                    session_id="S1")
>>> run.session()["kwh"]
20.0

Every object is a JSON-ready dict of the chosen version; the same seed gives the same bytes.
The facts are drawn once, version-free (``_network``), and written by a small per-version dialect
(``_dialects``); ``_run`` simulates a charging session.
"""

from __future__ import annotations

from ocpi_sdk.sim.data._network import NetworkData
from ocpi_sdk.sim.data._run import ChargingRun

__all__ = ["ChargingRun", "NetworkData"]
