"""Helpers for server-kit tests: a registered partner in a token store, and an async client
calling an ASGI app in-process."""

from __future__ import annotations

import base64
import uuid
from typing import Any

import httpx

from ocpi_sdk.credentials import MemoryPartnerStore, PartnerRecord


def add_partner(
    store: MemoryPartnerStore,
    token: str,
    *parties: tuple[str, str, str],
    version: str = "2.2.1",
) -> PartnerRecord:
    """Register a partner calling us with ``token`` as (role, country_code, party_id)..."""
    if version == "2.1.1":
        _, cc, pid = parties[0]
        credentials: dict[str, Any] = {"country_code": cc, "party_id": pid}
    else:
        credentials = {
            "roles": [{"role": r, "country_code": c, "party_id": p} for r, c, p in parties]
        }
    record = PartnerRecord(
        token, "token-b-" + token, "http://partner.invalid/versions", version, (), credentials
    )
    store.register(record, replacing=None)
    return record


def headers(token: str, version: str = "2.2.1", **extra: str) -> dict[str, str]:
    """The headers a 2.2+ (base64 token, request ids) or 2.1.1 client sends."""
    if version == "2.1.1":
        out = {"Authorization": f"Token {token}"}
    else:
        out = {
            "Authorization": "Token " + base64.b64encode(token.encode()).decode(),
            "X-Request-ID": str(uuid.uuid4()),
            "X-Correlation-ID": str(uuid.uuid4()),
        }
    out.update({k.replace("_", "-"): v for k, v in extra.items()})
    return out


def client(app: Any, base: str = "http://emsp.test/ocpi") -> httpx.AsyncClient:
    return httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url=base)
