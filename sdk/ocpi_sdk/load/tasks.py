"""The requests a load user makes, by the task names profiles use. Each task is one OCPI
request through the SDK's generated clients, timed and counted; no Locust in here."""

from __future__ import annotations

import random
import secrets
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any

from ocpi_sdk import packages
from ocpi_sdk.errors import PayloadError, ResponseDataError, TransportError
from ocpi_sdk.load.outcomes import Outcomes
from ocpi_sdk.negotiation import Connection
from ocpi_sdk.transport.core import Ack, Page

Fire = Callable[[str, str, float, int, BaseException | None], None]
"""``fire(request_type, name, milliseconds, response_length, exception)``: one request done."""

SUCCESS = "1xxx"
"""Recorded for a successful list or object response, whose exact 1xxx code the client keeps."""


class LoadUser:
    """One simulated partner system sharing the run's connection (endpoints and token)."""

    def __init__(self, setup: dict[str, Any], outcomes: Outcomes, fire: Fire, seed: int) -> None:
        self.setup = setup
        self.outcomes = outcomes
        self.fire = fire
        self.random = random.Random(seed)
        self.connection = Connection.from_dict(setup["connection"])
        self.package = packages.package(self.connection.version)
        self.parameters: dict[str, Any] = setup["profile"]["parameters"]
        self.cursors: dict[str, str | None] = {}
        self.clients: dict[str, Any] = {}
        self.tolerated_seen: dict[str, int] = {}

    def client(self, module: str) -> Any:
        if module not in self.clients:
            self.clients[module] = self.connection.client(module)
        return self.clients[module]

    def close(self) -> None:
        for client in self.clients.values():
            client.close()
        self.clients.clear()

    # ---- timing and counting -------------------------------------------------------------

    def timed(
        self, kind: str, name: str, module: str, call: Callable[[], Any], sent: int = 0
    ) -> Any:
        """Make one request; count its status code, the objects received (or, ``sent``, the
        objects validated before sending) and what the client tolerated; report its time."""
        start = time.perf_counter()
        error: BaseException | None = None
        result: Any = None
        try:
            result = call()
        except ResponseDataError as exc:
            error = exc
            self.outcomes.objects_invalid[module] += max(1, _objects_in(exc))
            self.outcomes.status_codes[str(exc.status_code or "none")] += 1
        except TransportError as exc:
            error = exc
            self.outcomes.status_codes[str(exc.status_code or f"HTTP {exc.http_status}")] += 1
            self.outcomes.errors[type(exc).__name__] += 1
        except PayloadError as exc:  # what we were about to send did not validate
            error = exc
            self.outcomes.errors["request invalid"] += 1
        milliseconds = (time.perf_counter() - start) * 1000
        if error is None:
            if isinstance(result, Ack):
                self.outcomes.status_codes[str(result.status_code)] += 1
                if sent:
                    self.outcomes.objects_valid[f"{module} (sent)"] += sent
            else:
                self.outcomes.status_codes[SUCCESS] += 1
                items = result.items if isinstance(result, Page) else [result]
                if module == "commands":
                    self.outcomes.command_results[f"{name.split('/')[-1]} {result.result}"] += 1
                self.outcomes.objects_valid[module] += len(items)
        self._count_tolerated(module)
        self.fire(kind, name, milliseconds, 0, error)
        return None if error else result

    def _count_tolerated(self, module: str) -> None:
        client = self.clients.get(module)
        if client is None:
            return
        events = client.tolerated
        for event in events[self.tolerated_seen.get(module, 0) :]:
            self.outcomes.tolerated[event.kind] += 1
        self.tolerated_seen[module] = len(events)

    # ---- pulls (the load plays an eMSP) --------------------------------------------------

    def _page(self, module: str, name: str) -> None:
        """The next page of a full pull of ``module``; starts over after the last page."""
        client = self.client(module)
        cursor = self.cursors.get(module)
        limit = int(self.parameters.get("page_limit", 100))
        page = self.timed(
            "GET",
            name,
            module,
            lambda: client.list_page(page_url=cursor) if cursor else client.list_page(limit=limit),
        )
        self.cursors[module] = page.next_url if page is not None else None

    def _delta(self, module: str, name: str) -> None:
        client = self.client(module)
        since = datetime.now(UTC) - timedelta(
            minutes=float(self.parameters.get("delta_minutes", 5))
        )
        self.timed("GET", name, module, lambda: client.list_page(date_from=since))

    def locations_page(self) -> None:
        self._page("locations", "locations page (full pull)")

    def tariffs_page(self) -> None:
        self._page("tariffs", "tariffs page (full pull)")

    def locations_delta(self) -> None:
        self._delta("locations", "locations date_from (delta)")

    def sessions_delta(self) -> None:
        self._delta("sessions", "sessions date_from (delta)")

    def cdrs_delta(self) -> None:
        self._delta("cdrs", "cdrs date_from (delta)")

    # ---- commands (the load plays an eMSP) -----------------------------------------------

    def _response_url(self) -> str:
        return f"{self.setup['data']['response_url']}/{secrets.token_hex(8)}"

    def start_session(self) -> None:
        data = self.setup["data"]
        location = self.random.choice(data["locations"])
        body: dict[str, Any] = {
            "response_url": self._response_url(),
            "token": self.random.choice(data["tokens"]),
            "location_id": location["id"],
        }
        if location["evses"]:
            body["evse_uid"] = self.random.choice(location["evses"])
        client = self.client("commands")
        command = self.package.loads(body, self.package.StartSession)
        self.timed(
            "POST", "commands/START_SESSION", "commands", lambda: client.start_session(command)
        )

    def stop_session(self) -> None:
        """STOP_SESSION for a Session the CPO reports ACTIVE (found by a delta pull first)."""
        sessions = self.client("sessions")
        since = datetime.now(UTC) - timedelta(
            minutes=float(self.parameters.get("delta_minutes", 60))
        )
        page = self.timed(
            "GET",
            "sessions date_from (delta)",
            "sessions",
            lambda: sessions.list_page(date_from=since),
        )
        active = [s for s in (page.items if page else []) if str(s.status) == "ACTIVE"]
        if not active:
            return
        body = {"response_url": self._response_url(), "session_id": self.random.choice(active).id}
        client = self.client("commands")
        command = self.package.loads(body, self.package.StopSession)
        self.timed(
            "POST", "commands/STOP_SESSION", "commands", lambda: client.stop_session(command)
        )

    # ---- pushes (the load plays a CPO) ---------------------------------------------------

    def patch_evse_status(self) -> None:
        location = self.random.choice(self.setup["data"]["locations"])
        if not location["evses"]:
            return
        evse = self.random.choice(location["evses"])
        body = {
            "status": self.random.choice(("AVAILABLE", "CHARGING", "BLOCKED", "AVAILABLE")),
            "last_updated": datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        }
        client = self.client("locations")
        cc, pid = location["country_code"], location["party_id"]
        self.timed(
            "PATCH",
            "locations/{evse} status",
            "locations",
            lambda: client.patch_evse(cc, pid, location["id"], evse, body),
        )

    def put_location(self) -> None:
        location = self.random.choice(self.setup["data"]["locations"])
        raw = dict(location["object"])
        raw["last_updated"] = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
        obj = self.package.loads(raw, self.package.Location)
        client = self.client("locations")
        cc, pid = location["country_code"], location["party_id"]
        self.timed(
            "PUT",
            "locations/{location}",
            "locations",
            lambda: client.put(cc, pid, location["id"], obj),
            sent=1,
        )


TASKS: dict[str, Callable[[LoadUser], None]] = {
    "locations_page": LoadUser.locations_page,
    "tariffs_page": LoadUser.tariffs_page,
    "locations_delta": LoadUser.locations_delta,
    "sessions_delta": LoadUser.sessions_delta,
    "cdrs_delta": LoadUser.cdrs_delta,
    "start_session": LoadUser.start_session,
    "stop_session": LoadUser.stop_session,
    "patch_evse_status": LoadUser.patch_evse_status,
    "put_location": LoadUser.put_location,
}
"""Every task name a profile may use."""


def _objects_in(exc: ResponseDataError) -> int:
    """How many distinct objects of a response the problems are about (``$.data[3]...``)."""
    indexes = set()
    for problem in getattr(exc, "problems", []):
        path = str(getattr(problem, "path", ""))
        head = path.split("]", 1)[0] if path.startswith("$.data[") else path
        indexes.add(head)
    return len(indexes)
