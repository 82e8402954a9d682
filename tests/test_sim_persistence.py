"""``ocpi sim --db``: killed with SIGKILL in the middle of a write load, a simulator restarted
from its file still has every object it acknowledged, and its registrations and tokens."""

from __future__ import annotations

import base64
import copy
import json
import os
import signal
import sqlite3
import subprocess
import sys
import threading
from pathlib import Path
from typing import Any

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


def test_sessions_and_cdrs_are_paged_per_party_they_are_for(tmp_path: Path) -> None:
    def session(sid: str, owner: str, stamp: str) -> dict[str, Any]:
        token = {"country_code": "nl", "party_id": owner, "uid": "U1", "type": "RFID"}
        return {"id": sid, "cdr_token": token, "last_updated": stamp}

    path = tmp_path / "store.db"
    store = ObjectStore(path)
    module = "2.2.1/sessions"
    store.put(module, ("NL", "CPO", "S1"), session("S1", "MSP", "2024-01-01T00:00:01Z"))
    store.put(module, ("NL", "CPO", "S2"), session("S2", "EVL", "2024-01-01T00:00:02Z"))
    store.put(module, ("NL", "CPO", "S3"), session("S3", "MSP", "2024-01-01T00:00:03Z"))

    def ids(viewers: Any, s: ObjectStore = store) -> list[str]:
        raws, total = s.page(module, None, None, 0, 10, viewers=viewers)
        assert total == len(raws)
        return [json.loads(raw)["id"] for raw in raws]

    assert ids([("NL", "MSP")]) == ["S1", "S3"] and ids([("NL", "EVL")]) == ["S2"]
    assert ids([("NL", "EVL"), ("NL", "MSP")]) == ["S1", "S2", "S3"]
    assert ids(None) == ["S1", "S2", "S3"] and ids([("DE", "XXX")]) == []
    # moved to another party, deleted: gone from the first party's pages
    store.put(module, ("nl", "cpo", "s1"), session("S1", "EVL", "2024-01-01T00:00:04Z"))
    store.delete(module, ("NL", "CPO", "S3"))
    assert ids([("NL", "MSP")]) == [] and ids([("NL", "EVL")]) == ["S2", "S1"]
    store.close()
    again = ObjectStore(path)  # read back from the file: indexed the same way
    assert ids([("NL", "EVL")], again) == ["S2", "S1"] and ids([("NL", "MSP")], again) == []
    again.close()
