"""The bench's own party in active mode: a real OCPI server on ``--listen`` (announced as
``--public-url``) that registers with the system under test using TOKEN as token A, then hosts
the callbacks the scenarios need (command results, pushed Sessions and CDRs, real-time
authorization, commands).

The party is one of the SDK's simulated platforms (:mod:`ocpi_sdk.sim`), playing the role the
system under test talks to: an eMSP for a CPO or a hub, a CPO for an eMSP. It records what it
receives as events the active checks read.
"""

from __future__ import annotations

import inspect
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from ocpi_sdk.credentials import Party, register

if TYPE_CHECKING:
    from ocpi_sdk.check.context import Context
    from ocpi_sdk.check.runner import Options


def _listen(value: str | None) -> tuple[str, int]:
    if not value:
        return "127.0.0.1", 0
    host, _, port = value.rpartition(":")
    try:
        return host or "127.0.0.1", int(port)
    except ValueError:
        from ocpi_sdk.check.context import CannotStart

        raise CannotStart(f"--listen wants HOST:PORT, not {value!r}") from None


class Bench:
    """The bench's party, its server and its registration with the system under test."""

    def __init__(self, ctx: Context, options: Options) -> None:
        from ocpi_sdk.sim.platform import Platform, SimConfig
        from ocpi_sdk.sim.serve import RunningServer

        self.ctx = ctx
        self.token_a = options.token
        self.role = ctx.bench_role
        self.platform = Platform(
            SimConfig(role=self.role, versions=(ctx.version,), locations=3, tokens=2)
        )
        host, port = _listen(options.listen)
        self.server = RunningServer(self.platform, host=host, port=port)
        if options.public_url:
            self.platform.base_url = options.public_url.rstrip("/")
        self.notes: list[str] = []
        self.registration: Any = None
        self.error: str | None = None
        self.our_token = ""

    @property
    def version(self) -> str:
        return self.ctx.version

    def start(self) -> None:
        """Serve, then register with the system under test (errors are kept for the checks)."""
        from ocpi_sdk.sim.seed import seed_platform

        self.server.start()
        seed_platform(self.platform)
        self.our_token = self.platform.issue_token()
        self.ctx.prober.redact.add(self.our_token)
        us = Party(self.our_token, self.platform.versions_url, self.platform.party_roles())
        try:
            self.registration = register(
                self.ctx.versions_url,
                self.token_a,
                us,
                role=self.role,
                versions=[self.version],
                token_encoding=self.ctx.token_encoding,
            )
        except Exception as exc:
            self.error = self.ctx.prober.redact(f"{type(exc).__name__}: {exc}")
            return
        connection = self.registration.connection
        self.ctx.prober.redact.add(connection.token)
        self.platform.accept_partner(
            incoming=self.our_token,
            outgoing=connection.token,
            connection=connection,
            credentials=_credentials_dict(self.registration.credentials),
        )
        self.ctx.prober.token = connection.token  # every check now calls with token C

    def stop(self) -> None:
        self.server.stop()

    # ---- what the bench received ---------------------------------------------------------

    def events(self, kind: str) -> list[dict[str, Any]]:
        return [e.detail for e in list(self.platform.events) if e.kind == kind]

    def stored(self, module: str) -> list[dict[str, Any]]:
        return list(self.platform.store.all(f"{self.version}/{module}"))

    def own(self, module: str) -> list[dict[str, Any]]:
        """The bench's own objects of ``module`` (its Tokens, Locations, Tariffs)."""
        return self.stored(module)

    def response_url(self, key: str) -> str:
        """A URL on the bench where the platform POSTs a command's result."""
        endpoint_url: Any = self.platform.endpoint_url
        if "role" in inspect.signature(endpoint_url).parameters:  # simulators on the server kit
            return f"{endpoint_url(self.version, 'commands', 'SENDER')}/command_result/{key}"
        return f"{endpoint_url(self.version, 'commands')}/t/command_result/{key}"

    def result(self, key: str) -> dict[str, Any] | None:
        """The result POSTed to :meth:`response_url` ``key`` (None while none came)."""
        results = getattr(self.platform, "results", None)
        if isinstance(results, dict):
            found = results.get(key)
            return {"key": key, "body": found.get("body")} if found else None
        return next((e for e in self.events("command result") if e.get("key") == key), None)

    def wait_for(self, probe: Callable[[], Any], seconds: float) -> Any:
        """Poll ``probe`` until it gives something, for at most ``seconds``."""
        deadline = time.monotonic() + seconds
        while True:
            found = probe()
            if found:
                return found
            if time.monotonic() > deadline:
                return None
            time.sleep(0.05)


def _credentials_dict(credentials: Any) -> dict[str, Any]:
    from ocpi_sdk import packages

    for version in packages.sdk_versions():
        package = packages.package(version)
        if isinstance(credentials, package.Credentials):
            result: dict[str, Any] = package.to_dict(credentials)
            return result
    return {}
