"""The Locust side of ``ocpi load``: run by Locust's own command line in every process
(single, master or worker). The only module of the SDK that imports Locust.

The process that starts the run writes the shared setup (connection, profile, objects) to the
file named by ``OCPI_LOAD_SETUP``; a master sends it to each worker that says hello, so workers
on other machines need no file. Workers send their OCPI outcomes with their statistics; the
master (or the single process) writes the totals to ``OCPI_LOAD_RESULT`` when it quits.
"""

from __future__ import annotations

import json
import logging
import os
import random
import threading
from typing import Any

from locust import User, constant_throughput, events, task
from locust.env import Environment
from locust.runners import MasterRunner, WorkerRunner

from ocpi_sdk import packages
from ocpi_sdk.load.outcomes import Outcomes
from ocpi_sdk.load.tasks import TASKS, LoadUser

SETUP_WAIT = 60.0
logging.getLogger("httpx").setLevel(logging.WARNING)  # one line per request is noise here
_setup: dict[str, Any] = {}
_ready = threading.Event()  # gevent's, once Locust has patched the process
_outcomes = Outcomes()

for _version in packages.sdk_versions():  # CPU-bound imports now, not in a user's greenlet
    packages.package(_version)  # (where they would block the worker's heartbeats)
    packages.clients(_version)


def _have_setup(setup: dict[str, Any]) -> None:
    _setup.update(setup)
    _ready.set()


def _on_init(environment: Environment, **_: Any) -> None:
    runner = environment.runner
    if isinstance(runner, WorkerRunner):
        runner.register_message("ocpi_setup", lambda msg, **kw: _have_setup(msg.data))
        runner.send_message("ocpi_hello", None)
        return
    with open(os.environ["OCPI_LOAD_SETUP"], encoding="utf-8") as handle:
        _have_setup(json.load(handle))
    if isinstance(runner, MasterRunner):
        master = runner
        master.register_message(
            "ocpi_hello",
            lambda msg, **kw: master.send_message("ocpi_setup", _setup, client_id=msg.node_id),
        )


def _on_report(client_id: str, data: dict[str, Any], **_: Any) -> None:
    data["ocpi"] = _outcomes.take()


def _on_worker_report(client_id: str, data: dict[str, Any], **_: Any) -> None:
    _outcomes.merge(data.get("ocpi", {}))


def _on_quitting(environment: Environment, **_: Any) -> None:
    if isinstance(environment.runner, WorkerRunner):
        return
    stats = environment.stats
    total = stats.total

    def figures(entry: Any) -> dict[str, Any]:
        return {
            "requests": entry.num_requests,
            "failures": entry.num_failures,
            "rps": entry.total_rps,
            "p50": entry.get_response_time_percentile(0.5),
            "p95": entry.get_response_time_percentile(0.95),
            "p99": entry.get_response_time_percentile(0.99),
        }

    result = {
        "total": figures(total),
        "requests": {f"{e.method} {e.name}": figures(e) for e in stats.entries.values()},
        "ocpi": _outcomes.to_dict(),
        "errors": [str(e.error) for e in stats.errors.values()][:20],
    }
    path = os.environ.get("OCPI_LOAD_RESULT")
    if path:
        with open(path, "w", encoding="utf-8") as handle:
            json.dump(result, handle)
    if _outcomes.invalid:
        environment.process_exit_code = 1


_events: Any = events  # Locust's event hooks are untyped
_events.init.add_listener(_on_init)
_events.report_to_master.add_listener(_on_report)
_events.worker_report.add_listener(_on_worker_report)
_events.quitting.add_listener(_on_quitting)


class OcpiPartner(User):
    """One partner system: picks the profile's tasks by weight, at the profile's rate."""

    def __init__(self, environment: Environment) -> None:
        super().__init__(environment)
        self.load: LoadUser | None = None
        self._pace: Any = None
        self._choices: list[str] = []
        self._weights: list[int] = []

    def wait_time(self) -> float:
        return float(self._pace(self)) if self._pace is not None else 0.0

    def on_start(self) -> None:
        if not _ready.wait(SETUP_WAIT):
            raise RuntimeError("no setup from the master (is this an ocpi load master?)")
        tasks = _setup["profile"]["against"][_setup["role"]]
        self._choices, self._weights = list(tasks), list(tasks.values())
        rate = float(_setup["rate_per_user"])
        self._pace = constant_throughput(rate) if rate > 0 else None

        def fire(kind: str, name: str, ms: float, length: int, exc: BaseException | None) -> None:
            self.environment.events.request.fire(
                request_type=kind,
                name=name,
                response_time=ms,
                response_length=length,
                exception=exc,
                context={},
            )

        self.load = LoadUser(_setup, _outcomes, fire, seed=random.randrange(2**32))

    def on_stop(self) -> None:
        if self.load is not None:
            self.load.close()

    @task
    def step(self) -> None:
        if self.load is None:
            return
        name = random.choices(self._choices, self._weights)[0]
        TASKS[name](self.load)
