"""What checks share about one run: the target, the negotiated version, its endpoints, the
lists pulled from it (fetched once, cited as evidence by every check that reads them)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Literal
from urllib.parse import urljoin, urlsplit

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
    link_problem: str | None = None

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
        by_offset = False  # paging by offset/limit once a Link could not be used as sent
        while next_url and len(pull.pages) < MAX_PAGES:
            answer = self.get(next_url, params=params)
            pull.pages.append(answer)
            data = answer.data
            if answer.status != 200 or not isinstance(data, list):
                if params is None and not by_offset:  # a Link that does not work as sent
                    pull.link_problem = f"{answer.exchange.url}: {answer.describe()}"
                    next_url, params, by_offset = url, self._offset(pull), True
                    continue
                pull.problem = f"page {len(pull.pages)}: {answer.describe()}"
                break
            pull.objects.extend(data)
            if by_offset:
                total = _count(pull.pages[0])
                more = bool(data) and (total is None or len(pull.objects) < total)
                next_url, params = (url, self._offset(pull)) if more else (None, None)
                continue
            link = next_link(answer.header("Link"))
            if not link:
                break
            candidate = urljoin(next_url, link)
            if urlsplit(candidate).netloc != urlsplit(url).netloc or candidate in seen:
                pull.link_problem = f"the next Link {candidate} is not followed with the token"
                next_url, params, by_offset = url, self._offset(pull), True
                continue
            seen.add(candidate)
            next_url, params = candidate, None
        return pull

    def _offset(self, pull: Pull) -> dict[str, Any]:
        return {**pull.filters, "offset": len(pull.objects), "limit": PULL_LIMIT}

    def pulls(self) -> list[Pull]:
        return [self.pull(module) for module, _, _ in self.sender_lists()]

    def memo(self, key: str, make: Callable[[], Any]) -> Any:
        """A value computed once per run (``make`` runs in the first check that asks)."""
        if key not in self.store:
            self.store[key] = make()
        return self.store[key]


def _count(answer: Answer) -> int | None:
    value = answer.header("X-Total-Count")
    return int(value) if value is not None and value.strip().isdigit() else None
