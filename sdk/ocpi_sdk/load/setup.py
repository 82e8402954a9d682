"""What a run needs before the first user starts, done ONCE by the process that starts the
run: our counterpart party on a local port (it answers the partner's callbacks: credentials,
command results, Session and CDR pushes), the handshake with the system under test, and the
objects the users will send or refer to."""

from __future__ import annotations

from typing import Any

import attrs

from ocpi_sdk import packages
from ocpi_sdk.credentials import Party, register
from ocpi_sdk.load.profile import Profile
from ocpi_sdk.negotiation import Connection, connect

COUNTERPART = {"cpo": "EMSP", "emsp": "CPO"}


@attrs.define
class Prepared:
    """The shared setup (JSON, sent to every Locust process) and our running counterpart."""

    setup: dict[str, Any]
    home: Any

    def close(self) -> None:
        self.home.stop()


def prepare(
    versions_url: str,
    token: str,
    *,
    role: str,
    profile: Profile,
    version: str | None = None,
    registered: bool = False,
    callback_host: str = "127.0.0.1",
) -> Prepared:
    """Negotiate (and unless ``registered``, register with token A) as ``role``'s counterpart."""
    from ocpi_sdk.sim.platform import Platform, SimConfig
    from ocpi_sdk.sim.seed import seed_platform
    from ocpi_sdk.sim.serve import RunningServer

    tasks = profile.tasks(role)
    ours = COUNTERPART[role]
    versions = (version,) if version else packages.sdk_versions()
    locations = int(profile.parameters.get("locations", 5))
    home = Platform(SimConfig(role=ours, versions=tuple(versions), locations=locations, tokens=20))
    server = RunningServer(home, host=callback_host).start()
    try:
        seed_platform(home)
        connection = _connect(home, versions_url, token, ours, versions, registered)
        data = _data(home, connection, tasks)
    except BaseException:
        server.stop()
        raise
    setup = {
        "connection": connection.to_dict(),
        "profile": profile.to_dict(),
        "role": role,
        "data": data,
    }
    return Prepared(setup, server)


def _connect(
    home: Any, url: str, token: str, ours: str, versions: Any, registered: bool
) -> Connection:
    if registered:
        return connect(url, token, role=ours, versions=versions)
    us = Party(home.issue_token(), home.versions_url, home.party_roles())
    registration = register(url, token, us, role=ours, versions=versions)
    package = packages.package(registration.connection.version)
    credentials: dict[str, Any] = package.to_dict(registration.credentials)
    home.accept_partner(
        incoming=us.token,
        outgoing=registration.connection.token,
        connection=registration.connection,
        credentials=credentials,
    )
    return registration.connection


def _data(home: Any, connection: Connection, tasks: dict[str, int]) -> dict[str, Any]:
    """The objects the tasks use: Locations to push (we are the CPO) or to start sessions at,
    and our drivers' Tokens (we are the eMSP)."""
    version = connection.version
    data: dict[str, Any] = {}
    if home.role == "CPO":
        cc, pid = home.config.country_code, home.config.party_id
        objects = home.store.all(f"{version}/locations")
        data["locations"] = [
            {
                "id": str(o["id"]),
                "country_code": str(o.get("country_code", cc)),
                "party_id": str(o.get("party_id", pid)),
                "evses": [str(e["uid"]) for e in o.get("evses") or []],
                "object": o,
            }
            for o in objects
        ]
        if {"patch_evse_status", "put_location"} & set(tasks):
            package = packages.package(version)
            client: Any = connection.client("locations")
            with client:  # the Locations the storm patches
                for entry in data["locations"]:
                    obj = package.loads(entry["object"], package.Location)
                    client.put(entry["country_code"], entry["party_id"], entry["id"], obj)
    else:
        data["tokens"] = home.store.all(f"{version}/tokens")
        data["response_url"] = f"{home.endpoint_url(version, 'commands', 'SENDER')}/command_result"
        if {"start_session", "stop_session"} & set(tasks):
            pulled: Any = connection.client("locations")
            with pulled:
                page = pulled.list_page(limit=50)
            data["locations"] = [
                {"id": str(loc.id), "evses": [str(e.uid) for e in loc.evses or []]}
                for loc in page.items
            ]
    return data
