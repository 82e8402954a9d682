"""``ocpi sim --db``: killed with SIGKILL in the middle of a write load, a simulator restarted
from its file still has every object it acknowledged, and its registrations and tokens."""

from __future__ import annotations

import base64
import copy
import os
import signal
import sqlite3
import subprocess
import sys
import threading
from pathlib import Path

import httpx

from ocpi_sdk.credentials import PartnerRecord
from ocpi_sdk.negotiation import EndpointInfo
from ocpi_sdk.sim.data import NetworkData
from ocpi_sdk.sim.store import ObjectStore, PersistentPartnerStore

V = "2.2.1"
TOKEN = "cpo-token-c"


def _start(db: Path) -> tuple[subprocess.Popen[str], int]:
    process = subprocess.Popen(
        [sys.executable, "-m", "ocpi_sdk.cli", "sim", "emsp", "--version", V, "--db", str(db),
         "--port", "0", "--token", "token-a-kept"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )  # fmt: skip
    assert process.stdout is not None
    for _ in range(6):
        line = process.stdout.readline()
        if line.startswith("port:"):
            return process, int(line.split()[1])
    raise AssertionError("the simulator printed no port")


def test_sigkill_during_writes_loses_nothing_acknowledged(tmp_path: Path) -> None:
    db = tmp_path / "emsp.sqlite"
    connection = sqlite3.connect(db)
    partners = PersistentPartnerStore(connection)
    credentials = {"roles": [{"role": "CPO", "country_code": "NL", "party_id": "CPO"}]}
    endpoints = (EndpointInfo("locations", "http://cpo.invalid/locations", "SENDER"),)
    partners.register(
        PartnerRecord(TOKEN, "b", "http://cpo.invalid/versions", V, endpoints, credentials),
        replacing=None,
    )
    connection.close()
    process, port = _start(db)
    base = NetworkData(V, seed=2).locations(5)
    headers = {
        "Authorization": "Token " + base64.b64encode(TOKEN.encode()).decode(),
        "X-Request-ID": "r",
        "X-Correlation-ID": "c",
    }
    acknowledged: list[str] = []
    stop = threading.Event()

    def load() -> None:
        index = 0
        with httpx.Client(base_url=f"http://127.0.0.1:{port}/ocpi/{V}", timeout=10) as http:
            while not stop.is_set():
                location = copy.deepcopy(base[index % len(base)])
                location["id"] = f"K{index:05d}"
                try:
                    answer = http.put(
                        f"/locations/NL/CPO/{location['id']}", json=location, headers=headers
                    )
                except httpx.HTTPError:
                    return
                if answer.status_code == 200 and answer.json()["status_code"] == 1000:
                    acknowledged.append(location["id"])
                index += 1

    worker = threading.Thread(target=load)
    worker.start()
    try:
        while len(acknowledged) < 40:
            worker.join(0.05)
            assert worker.is_alive(), "the load stopped early"
    finally:
        os.kill(process.pid, signal.SIGKILL)
        process.wait(timeout=10)
        stop.set()
        worker.join(timeout=10)
    store = ObjectStore(db)
    kept = {key[2] for key, _ in store.items(f"{V}/locations")}
    assert set(acknowledged) <= kept, sorted(set(acknowledged) - kept)[:5]
    restored = PersistentPartnerStore(store.db)
    assert restored.partner(TOKEN) is not None and restored.is_token_a("token-a-kept")
    store.close()
