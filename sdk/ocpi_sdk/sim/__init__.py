"""Simulated OCPI platforms -- a CPO, an eMSP and a hub -- as ASGI apps for end-to-end tests,
and the generated networks, charging sessions and data they serve.

>>> platform = Platform(SimConfig(role="CPO", versions=("2.2.1",)))  # doctest: +SKIP
>>> app = build_app(platform)  # an ASGI app: serve it with uvicorn, or test it in-process

What each serves is driven by the interfaces data; objects live in memory (or a SQLite file).
"""

from __future__ import annotations

from typing import Any

from ocpi_sdk.sim.platform import Event, Platform, SimConfig


def build_app(platform: Platform) -> Any:
    """The ASGI app of ``platform`` (Starlette)."""
    from ocpi_sdk.sim.app import SimApp

    return SimApp(platform).app


__all__ = ["Event", "Platform", "SimConfig", "build_app"]
