"""The bench's own party in active mode: a real OCPI server on ``--listen`` (announced as
``--public-url``) that registers with the system under test using TOKEN as token A, then hosts
the callbacks the scenarios need (command results, pushed Sessions and CDRs, real-time
authorization, commands).

The party is one of the SDK's simulated platforms (:mod:`ocpi_sdk.sim`), playing the role the
system under test talks to: an eMSP for a CPO or a hub, a CPO for an eMSP. It records what it
receives as events the active checks read.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit, urlunsplit

from ocpi_sdk.check.model import Exchange
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


class Seen:
    """ASGI middleware keeping the method, path and headers of every request the party gets."""

    def __init__(self, app: Any) -> None:
        self.app = app
        self.requests: list[dict[str, Any]] = []

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] == "http":
            headers = {
                k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope["headers"]
            }
            self.requests.append(
                {"method": scope["method"], "path": scope["path"], "headers": headers}
            )
        await self.app(scope, receive, send)


class BenchParty:
    """One party the bench plays: a simulated platform served on loopback or ``--listen``."""

    def __init__(self, role: str, version: str, listen: tuple[str, int], public: str | None):
        import uvicorn

        from ocpi_sdk.sim import build_app
        from ocpi_sdk.sim.platform import Platform, SimConfig
        from ocpi_sdk.sim.serve import KEEP_ALIVE, RunningServer

        self.role = role
        self.version = version
        self.platform = Platform(SimConfig(role=role, versions=(version,), locations=3, tokens=2))
        self.server = RunningServer(self.platform, host=listen[0], port=listen[1])
        self.seen = Seen(build_app(self.platform))
        self.server.server = uvicorn.Server(
            uvicorn.Config(
                self.seen,
                host=listen[0],
                port=self.server.port,
                log_level="warning",
                lifespan="off",
                timeout_keep_alive=KEEP_ALIVE,
            )
        )
        if public:
            self.platform.base_url = public.rstrip("/")
        self.registration: Any = None
        self.error: str | None = None
        self.our_token = ""
        self.exchanges: list[Exchange] = []  # the registration, as evidence

    def start(self) -> None:
        from ocpi_sdk.sim.seed import seed_platform

        self.server.start()
        seed_platform(self.platform)

    def register(self, ctx: Context, token_a: str) -> None:
        """Register with the system under test with ``token_a`` (errors kept in ``error``)."""
        self.our_token = self.platform.issue_token()
        ctx.prober.redact.add(self.our_token)
        us = Party(self.our_token, self.platform.versions_url, self.platform.party_roles())
        try:
            with ctx.prober.sdk_client(self.exchanges) as http:
                self.registration = register(
                    ctx.versions_url,
                    token_a,
                    us,
                    role=self.role,
                    versions=[self.version],
                    token_encoding=ctx.token_encoding,
                    client=http,
                )
        except Exception as exc:
            self.error = ctx.prober.redact(f"{type(exc).__name__}: {exc}")
            return
        connection = self.registration.connection
        ctx.prober.redact.add(connection.token)
        self.platform.accept_partner(
            incoming=self.our_token,
            outgoing=connection.token,
            connection=connection,
            credentials=_credentials_dict(self.registration.credentials),
        )

    @property
    def party(self) -> tuple[str, str]:
        own = self.platform.party_roles()[0]
        return own.country_code, own.party_id


class Bench:
    """The bench's party (two for a hub), their servers and registrations."""

    def __init__(self, ctx: Context, options: Options) -> None:
        self.ctx = ctx
        self.token_a = options.token
        self.second_token = options.second_token
        self.role = ctx.bench_role
        host, port = _listen(options.listen)
        self.main = BenchParty(self.role, ctx.version, (host, port), options.public_url)
        self.other: BenchParty | None = None
        if ctx.role == "hub":  # a second party, a CPO, for forwarding through the hub
            public = _next_port(options.public_url) if options.public_url else None
            self.other = BenchParty("CPO", ctx.version, (host, port + 1 if port else 0), public)
        self.platform = self.main.platform
        self.notes: list[str] = []

    @property
    def version(self) -> str:
        return self.ctx.version

    @property
    def registration(self) -> Any:
        return self.main.registration

    @property
    def error(self) -> str | None:
        return self.main.error

    @property
    def our_token(self) -> str:
        return self.main.our_token

    @our_token.setter
    def our_token(self, value: str) -> None:
        self.main.our_token = value

    def start(self) -> None:
        """Serve, then register with the system under test (errors are kept for the checks)."""
        self.main.start()
        self.main.register(self.ctx, self.token_a)
        if self.main.registration is not None:
            self.ctx.prober.token = self.main.registration.connection.token  # token C from now
        if self.other is not None:
            self.other.start()
            if self.second_token:
                self.ctx.prober.redact.add(self.second_token)
                self.other.register(self.ctx, self.second_token)
            else:
                self.other.error = "no second token A given (--second-token)"

    def stop(self) -> None:
        self.main.server.stop()
        if self.other is not None:
            self.other.server.stop()

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
        url = self.platform.endpoint_url(self.version, "commands", "SENDER")
        return f"{url}/command_result/{key}"

    def result(self, key: str) -> dict[str, Any] | None:
        """The result POSTed to :meth:`response_url` ``key`` (None while none came)."""
        found = self.platform.results.get(key)
        return {"key": key, "body": found.get("body")} if found else None

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


def _next_port(url: str) -> str:
    parts = urlsplit(url)
    port = parts.port or (443 if parts.scheme == "https" else 80)
    return urlunsplit(parts._replace(netloc=f"{parts.hostname}:{port + 1}"))


def _credentials_dict(credentials: Any) -> dict[str, Any]:
    from ocpi_sdk import packages

    for version in packages.sdk_versions():
        package = packages.package(version)
        if isinstance(credentials, package.Credentials):
            result: dict[str, Any] = package.to_dict(credentials)
            return result
    return {}
