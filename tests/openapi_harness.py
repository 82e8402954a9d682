"""Simulators on loopback with a registered partner, for the OpenAPI tests: the token a partner
calls with, and a transport that keeps the simulators' own outgoing calls on loopback."""

from __future__ import annotations

import base64
import os
import shutil
import sys
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager

import attrs
import httpx
import pytest

from ocpi_sdk import schemas
from ocpi_sdk.credentials import Party, PartyRole, register
from ocpi_sdk.schemas._interfaces import raw_interfaces
from ocpi_sdk.sim.platform import Platform, SimConfig
from ocpi_sdk.sim.seed import seed_platform
from ocpi_sdk.sim.serve import LOOPBACK, RunningServer


def schemathesis() -> str:
    """The Schemathesis command: ``$SCHEMATHESIS`` (``nox -s tests`` installs it in an environment
    of its own, since it pins ``jsonschema-rs`` below the release the SDK runs with), else
    ``schemathesis`` beside this Python or on ``PATH``. Missing, the test fails and says so."""
    found = os.environ.get("SCHEMATHESIS") or shutil.which(
        "schemathesis", path=os.pathsep.join([os.path.dirname(sys.executable), os.defpath])
    )
    found = found or shutil.which("schemathesis")
    if not found:
        pytest.fail(
            "Schemathesis is not installed: run `nox -s tests`, or install "
            "`schemathesis==4.32.5` (pipx or a venv of its own) and set SCHEMATHESIS to it"
        )
    return found


# who registers with a simulator of each role (the last one's token is the one we call with)
PARTNERS = {"CPO": ("EMSP",), "EMSP": ("CPO",), "HUB": ("CPO", "EMSP")}


class LoopbackOnly(httpx.AsyncBaseTransport):
    """Outgoing calls of a simulator go to loopback; any other host is refused, never resolved
    (generated bodies carry URLs such as ``response_url``)."""

    def __init__(self) -> None:
        self.inner = httpx.AsyncHTTPTransport()
        self.refused: list[str] = []

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        if request.url.host != LOOPBACK:
            self.refused.append(str(request.url))
            raise httpx.ConnectError("not on loopback", request=request)
        return await self.inner.handle_async_request(request)

    async def aclose(self) -> None:
        await self.inner.aclose()


@attrs.define
class Registered:
    """A running simulator, the header value a registered partner authorizes with, and the
    token itself (for tests that encode it otherwise)."""

    server: RunningServer
    authorization: str
    token: str
    version: str

    @property
    def platform(self) -> Platform:
        return self.server.platform

    @property
    def root(self) -> str:
        """The OCPI root: versions at ``/versions``, endpoints at ``/<version>/<module>``."""
        return self.server.url + "/ocpi"

    def headers(self, **extra: str) -> dict[str, str]:
        out = {"Authorization": self.authorization}
        if raw_interfaces(self.version)["transport"]["request_ids"]:
            out.update({"X-Request-ID": "req-1", "X-Correlation-ID": "cor-1"})
        out.update(extra)
        return out


def authorization(token: str, version: str) -> str:
    """The Authorization header value of ``token`` in ``version`` (its transport rules)."""
    if raw_interfaces(version)["transport"]["token_encoding"] == "base64":
        token = base64.b64encode(token.encode()).decode()
    return f"Token {token}"


@contextmanager
def registered_sim(role: str, version: str) -> Iterator[Registered]:
    """A seeded simulator of ``role`` serving ``version`` on loopback, with partner simulators
    registered through the credentials module; yields the last partner's access."""
    assert version in schemas.versions()
    with ExitStack() as stack:
        target = Platform(SimConfig(role=role, versions=(version,), command_delay=0.0))
        target.transport = LoopbackOnly()
        server = stack.enter_context(RunningServer(target))
        seed_platform(target)
        token = ""
        for partner_role in PARTNERS[role]:
            partner = Platform(SimConfig(role=partner_role, versions=(version,)))
            partner.transport = LoopbackOnly()
            stack.enter_context(RunningServer(partner))
            seed_platform(partner)
            cc, pid = partner.config.country_code or "", partner.config.party_id or ""
            party = Party(
                partner.issue_token(), partner.versions_url, [PartyRole(partner_role, cc, pid, pid)]
            )
            registration = register(
                target.versions_url, target.issue_token(), party, role=partner_role
            )
            partner.accept_partner(
                incoming=party.token,
                outgoing=registration.connection.token,
                connection=registration.connection,
                credentials={
                    "country_code": target.config.country_code,
                    "party_id": target.config.party_id,
                },
            )
            token = registration.connection.token
        yield Registered(server, authorization(token, version), token, version)
