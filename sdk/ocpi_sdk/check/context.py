"""What checks share about one run: the target, the negotiated version, its endpoints, the
lists pulled from it (fetched once, cited as evidence by every check that reads them)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Literal
from urllib.parse import urljoin

import attrs

from ocpi_sdk import schemas
from ocpi_sdk.check.model import Exchange
from ocpi_sdk.check.probe import Answer, Prober
from ocpi_sdk.check.profiles import Profile
from ocpi_sdk.transport.core import next_link

MAX_PAGES = 50
PULL_LIMIT = 50
EPOCH = "2000-01-01T00:00:00Z"

# The role the bench plays towards each role of the system under test.
BENCH_ROLE = {"cpo": "EMSP", "emsp": "CPO", "hub": "EMSP"}


class CannotStart(Exception):
    """The run cannot start (unreachable, token refused on versions, no common version)."""


@attrs.define
class Pull:
    """A Sender list read page by page as the server links them."""

    module: str
    url: str
    filters: dict[str, Any] = attrs.field(factory=dict)
    pages: list[Answer] = attrs.field(factory=list)
    objects: list[Any] = attrs.field(factory=list)
    problem: str | None = None

    @property
    def first(self) -> Answer | None:
        return self.pages[0] if self.pages else None


@attrs.define
class Context:
    """One run against a system under test."""

    versions_url: str
    role: str
    version: str
    mode: str
    prober: Prober
    profile: Profile
    wait: float = 60.0
    versions_answer: Answer | None = None
    details_answer: Answer | None = None
    endpoints: list[dict[str, Any]] = attrs.field(factory=list)
    token_encoding: Literal["plain", "base64"] = "base64"
    modules_refused: Answer | None = None
    connection: Any = None
    bench: Any = None
    store: dict[str, Any] = attrs.field(factory=dict)
    _pulls: dict[str, Pull] = attrs.field(factory=dict)
    cited: list[Exchange] = attrs.field(factory=list)

    # ---- evidence ----------------------------------------------------------------------------

    def cite(self, *answers: Answer | None) -> None:
        """Add exchanges made earlier (cached answers) to the current check's evidence."""
        for answer in answers:
            if answer is not None and answer.exchange not in self.prober.recording:
                self.prober.recording.append(answer.exchange)

    def blame(self, answer: Answer | None) -> None:
        """Put ``answer``'s exchange first in the current check's evidence."""
        if answer is None:
            return
        recording = self.prober.recording
        if answer.exchange in recording:
            recording.remove(answer.exchange)
        recording.insert(0, answer.exchange)

    # ---- what the target offers --------------------------------------------------------------

    @property
    def has_roles(self) -> bool:
        return "role" in schemas.get(self.version, "Endpoint").get("properties", {})

    @property
    def bench_role(self) -> str:
        return BENCH_ROLE[self.role]

    def endpoint(self, module: str, role: str | None = None) -> str | None:
        """The URL of ``module`` in the version details (with ``role`` where versions have it)."""
        for entry in self.endpoints:
            if entry.get("identifier") != module:
                continue
            if role is not None and self.has_roles and entry.get("role") != role:
                continue
            url = entry.get("url")
            return str(url) if isinstance(url, str) else None
        return None

    def sender_lists(self) -> list[tuple[str, str, str]]:
        """(module, object name, URL) of every paginated Sender list the target offers for its
        role (a hub: its own HubClientInfo; forwarded lists are tested in active mode)."""
        out: list[tuple[str, str, str]] = []
        for interface in schemas.interfaces(self.version):
            if interface.role != "SENDER" or self.role.upper() not in interface.implemented_by:
                continue
            for operation in interface.operations:
                if not operation.paginated or operation.response_data is None:
                    continue
                url = self.endpoint(interface.module, "SENDER")
                if url:
                    out.append((interface.module, operation.response_data.object, url))
        return out

    def base_filters(self, module: str) -> dict[str, Any]:
        """Query parameters a list cannot be asked without (2.2.1 Sessions want date_from)."""
        for interface in schemas.interfaces(self.version):
            if interface.module != module or interface.role != "SENDER":
                continue
            for operation in interface.operations:
                if operation.paginated:
                    return {p.name: EPOCH for p in operation.query_params if p.required}
        return {}

    def object_name(self, module: str) -> str:
        for name_module, name, _ in self.sender_lists():
            if name_module == module:
                return name
        raise KeyError(module)

    # ---- requests ----------------------------------------------------------------------------

    def get(self, url: str, **options: Any) -> Answer:
        return self.prober.get(url, **options)

    def pull(self, module: str) -> Pull:
        """Every object of ``module``'s Sender list, following ``Link`` as sent (cached)."""
        if module in self._pulls:
            pull = self._pulls[module]
            self.cite(*pull.pages[:3])
            return pull
        url = dict((m, u) for m, _, u in self.sender_lists())[module]
        pull = Pull(module, url, self.base_filters(module))
        self._pulls[module] = pull
        seen: set[str] = set()
        next_url: str | None = url
        params: dict[str, Any] | None = {**pull.filters, "limit": PULL_LIMIT}
        while next_url and len(pull.pages) < MAX_PAGES:
            if next_url in seen:
                pull.problem = f"the Link header leads back to {next_url}"
                break
            seen.add(next_url)
            answer = self.get(next_url, params=params)
            params = None
            pull.pages.append(answer)
            data = answer.data
            if answer.status != 200 or not isinstance(data, list):
                pull.problem = f"page {len(pull.pages)}: {answer.describe()}"
                break
            pull.objects.extend(data)
            link = next_link(answer.header("Link"))
            next_url = urljoin(next_url, link) if link else None
        return pull

    def pulls(self) -> list[Pull]:
        return [self.pull(module) for module, _, _ in self.sender_lists()]

    def memo(self, key: str, make: Callable[[], Any]) -> Any:
        """A value computed once per run (``make`` runs in the first check that asks)."""
        if key not in self.store:
            self.store[key] = make()
        return self.store[key]
