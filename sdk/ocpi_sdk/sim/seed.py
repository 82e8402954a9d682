"""Filling a simulator with a realistic network from :mod:`ocpi_sdk.sim.data` (seeded)."""

from __future__ import annotations

from typing import Any

from ocpi_sdk.sim.handlers import object_key
from ocpi_sdk.sim.platform import Platform


def network(platform: Platform, version: str) -> Any:
    from ocpi_sdk.sim.data import NetworkData

    config = platform.config
    if platform.role == "CPO":
        parties = {
            "country_code": config.country_code or "NL",
            "party_id": config.party_id or "CPO",
        }
    else:  # an eMSP's drivers' Tokens are its own (they name it as their owner)
        parties = {
            "emsp_country_code": config.country_code or "NL",
            "emsp_party_id": config.party_id or "MSP",
        }
    return NetworkData(version, seed=config.seed, **parties)


def seed_platform(platform: Platform) -> None:
    """A CPO gets Locations and Tariffs, an eMSP Tokens, in every version it serves."""
    if not platform.config.data or platform.role == "HUB":
        return
    for version in platform.versions:
        data = network(platform, version)
        if platform.role == "CPO":
            for location in data.locations(platform.config.locations):
                platform.store.put(f"{version}/locations", object_key(location), location)
            for tariff in data.tariffs():
                platform.store.put(f"{version}/tariffs", object_key(tariff), tariff)
        else:
            for token in data.tokens(platform.config.tokens):
                platform.store.put(f"{version}/tokens", object_key(token), token)
