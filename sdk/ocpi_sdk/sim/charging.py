"""The CPO simulator's charging behaviour: commands start and stop charging runs; a run pushes
its Session while charging and its CDR at the end, priced by the tariff engine."""

from __future__ import annotations

import asyncio
from typing import Any

from ocpi_sdk.credentials import PartnerRecord
from ocpi_sdk.sim.platform import Platform


def result_body(version: str, result: str) -> dict[str, Any]:
    """The asynchronous result of a command, shaped as the version's ``command_result`` body."""
    from ocpi_sdk import schemas
    from ocpi_sdk.sim.behaviour import minimal

    spec = next(
        op
        for i in schemas.interfaces(version)
        if i.module == "commands"
        for op in i.operations
        if op.name == "command_result"
    )
    name = spec.request_body.object if spec.request_body else "CommandResult"
    return minimal(version, name, result=result)


async def send_result(
    platform: Platform, version: str, partner: PartnerRecord | None, url: str, result: str
) -> None:
    """POST the command's result to its ``response_url`` after the configured delay."""
    await asyncio.sleep(platform.config.command_delay)
    if partner is None:
        return
    connection = platform.connection_to(partner)
    client = connection.async_client(
        "commands", role="SENDER", retries=_retries(), client=platform.http()
    )
    try:
        await client.command_result(result_body(version, result), response_url=url)  # type: ignore[attr-defined]
        platform.emit("result sent", url=url, result=result)
    except Exception as exc:  # reported, not raised: the command itself was answered
        platform.emit("error", where="command result", detail=str(exc))
    finally:
        await client.http.aclose()


def _retries() -> Any:
    from ocpi_sdk.transport import RetryPolicy

    return RetryPolicy(attempts=4, backoff=0.01, statuses=(429, 500, 502, 503, 504))


async def on_command(
    platform: Platform, version: str, name: str, body: Any, partner: PartnerRecord | None
) -> bool:
    """Accept a command and schedule its result (and, for sessions, the charging run)."""
    url = body.get("response_url") if isinstance(body, dict) else None
    if url:
        platform.spawn(send_result(platform, version, partner, url, "ACCEPTED"))
    return True
