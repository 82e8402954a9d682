"""The README's eMSP receiver, run as written: a CPO pushes a Location and a Session to it."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from starlette.applications import Starlette
from starlette.routing import Mount

from tests.server_kit import add_partner, client, headers

ROOT = Path(__file__).resolve().parent.parent


def readme_receiver() -> dict[str, Any]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text.split("## Serve OCPI", 1)[1]
    code = re.search(r"```python\n(.*?)```", section, re.DOTALL)
    assert code is not None
    assert len(code.group(1).strip().splitlines()) <= 40
    namespace: dict[str, Any] = {"__name__": "readme"}
    exec(compile(code.group(1), "README.md", "exec"), namespace)
    return namespace


async def test_readme_receiver_takes_a_location_and_a_session(examples_dir: Path) -> None:
    ns = readme_receiver()
    add_partner(ns["tokens"], "cpo-token-c", ("CPO", "BE", "BEC"), ("CPO", "NL", "STK"))
    location = json.loads((examples_dir / "2.2.1" / "location_example.json").read_text())
    session = json.loads(
        (examples_dir / "2.2.1" / "session_example_1_simple_start.json").read_text()
    )
    session["cdr_token"].update(country_code="NL", party_id="EXA")  # a driver of this eMSP
    app = Starlette(routes=[Mount("/ocpi", app=ns["app"])])  # mounted in a user's app
    async with client(app, "http://emsp.test") as http:
        versions = await http.get("/ocpi/versions", headers=headers("cpo-token-c"))
        assert versions.json()["data"][0]["url"] == "https://emsp.example/ocpi/2.2.1"
        details = (await http.get("/ocpi/2.2.1", headers=headers("cpo-token-c"))).json()["data"]
        modules = {(e["identifier"], e["role"]) for e in details["endpoints"]}
        assert modules == {
            ("credentials", "RECEIVER"),
            ("locations", "RECEIVER"),
            ("sessions", "RECEIVER"),
        }
        put = await http.put(
            "/ocpi/2.2.1/locations/BE/BEC/LOC1", json=location, headers=headers("cpo-token-c")
        )
        assert put.status_code == 200 and put.json()["status_code"] == 1000, put.text
        got = await http.get("/ocpi/2.2.1/locations/be/bec/loc1", headers=headers("cpo-token-c"))
        assert got.json()["data"]["id"] == "LOC1"
        put = await http.put(
            "/ocpi/2.2.1/sessions/NL/STK/101", json=session, headers=headers("cpo-token-c")
        )
        assert put.json()["status_code"] == 1000, put.text
        patch = {"kwh": 15, "last_updated": "2020-03-09T10:17:09Z"}
        patched = await http.patch(
            "/ocpi/2.2.1/sessions/NL/STK/101", json=patch, headers=headers("cpo-token-c")
        )
        assert patched.json()["status_code"] == 1000, patched.text
        missing = await http.patch(
            "/ocpi/2.2.1/sessions/NL/STK/999", json=patch, headers=headers("cpo-token-c")
        )
    stored = ns["sessions"][("NL", "STK", "101")]
    assert stored.kwh == 15
    assert missing.status_code == 404 and missing.json()["status_code"] == 2000
