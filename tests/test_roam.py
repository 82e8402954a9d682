"""The whole roaming scenario over real sockets on loopback (``ocpi roam``)."""

from __future__ import annotations

import json
from typing import Any

import pytest

from ocpi_sdk.cli import main
from ocpi_sdk.sim.roam import Driver, roam

STEPS = ["version negotiation", "credentials handshake", "pull Locations", "pull Tariffs"]
STEPS += list(Driver.STEPS)


def _assert_passed(report: Any) -> None:
    assert report.ok, report.text()
    hub_only = ("CPO registers with the hub", "HubClientInfo from the hub")
    assert [s.name for s in report.steps if s.name not in hub_only] == STEPS
    # every request-driven step makes calls (pushes may land in the step before they are awaited)
    assert all(s.calls > 0 for s in report.steps if s.name in STEPS[:6])
    assert sum(s.calls for s in report.steps) >= 12


@pytest.mark.parametrize("version", ["2.1.1", "2.2.1", "2.3.0"])
def test_the_full_scenario(version: str) -> None:
    _assert_passed(roam(version))


@pytest.mark.parametrize("version", ["2.2.1", "2.3.0"])
def test_the_full_scenario_through_a_hub(version: str) -> None:
    report = roam(version, via_hub=True)
    _assert_passed(report)
    assert report.steps[0].name == "CPO registers with the hub"
    client_info = next(s for s in report.steps if s.name == "HubClientInfo from the hub")
    assert "NL*CPO CPO CONNECTED" in client_info.detail
    assert "NL*MSP EMSP CONNECTED" in client_info.detail


def test_a_2_2_1_emsp_roams_with_a_2_1_1_cpo_through_a_translating_hub() -> None:
    report = roam("2.2.1", via_hub=True, cpo_version="2.1.1")
    _assert_passed(report)
    text = report.text()
    assert text.startswith("OCPI 2.2.1 eMSP, OCPI 2.1.1 CPO roaming scenario via a hub")
    # the 2.1.1 CPO registered with no role: the hub lists it as OTHER
    client_info = next(s for s in report.steps if s.name == "HubClientInfo from the hub")
    assert "NL*CPO OTHER CONNECTED" in client_info.detail
    # every kind of object crossed the hub, each way, and what did not fit is reported
    expected = [
        "Location 2.1.1->2.2.1 $.publish defaulted",
        "Token 2.2.1->2.1.1 $.group_id dropped",
        "StartSession 2.2.1->2.1.1 $.token.party_id dropped",
        "AuthorizationInfo 2.2.1->2.1.1 $.authorization_reference dropped",
        "Session 2.1.1->2.2.1 $.location dropped",
        "CDR 2.1.1->2.2.1 $.location.facilities dropped",
    ]
    for loss in expected:
        assert any(key.startswith(loss) for key in report.losses), (loss, text)
    assert "losses met in the hub's translation" in text
    # what the 2.2.1 side needs and 2.1.1 cannot say came from the hub's knowledge, and says so
    assert any(k.startswith("Session 2.1.1->2.2.1 $.cdr_token") for k in report.supplied), text
    assert any(k.startswith("Location 2.1.1->2.2.1 $.party_id") for k in report.supplied), text
    assert report.to_dict()["cpo_version"] == "2.1.1" and report.to_dict()["losses"]


def test_a_2_3_0_cpo_roams_with_a_2_2_1_emsp_through_a_translating_hub() -> None:
    report = roam("2.2.1", via_hub=True, cpo_version="2.3.0")
    _assert_passed(report)
    assert any(k.startswith("Location 2.3.0->2.2.1 $.help_phone dropped") for k in report.losses)


def test_a_2_3_0_emsp_roams_with_a_2_2_1_cpo_through_a_translating_hub() -> None:
    """2.3.0 requires a Tariff's ``tax_included``, which 2.2.1 does not say: the hub gives NO,
    what 2.2.1's "excl. VAT" prices mean, and reports that it did."""
    report = roam("2.3.0", via_hub=True, cpo_version="2.2.1")
    _assert_passed(report)
    assert any(k.startswith("Tariff 2.2.1->2.3.0 $.tax_included") for k in report.supplied)
    assert "tax_included from 2.2.1's before-VAT prices" in report.text()


@pytest.mark.parametrize(
    ("emsp", "cpo"),
    [("2.1.1", "2.2.1"), ("2.1.1", "2.3.0"), ("2.3.0", "2.1.1"), ("2.3.0", "2.2.1")],
)
def test_every_mix_of_versions_roams_through_a_translating_hub(emsp: str, cpo: str) -> None:
    """Each command's result crosses the hub too: a 2.1.1 result is a CommandResponse, a 2.2.1+
    one a CommandResult; a 2.2.1+ CPO's real-time authorization of a 2.1.1 eMSP's Token gets
    the Token the hub forwarded."""
    report = roam(emsp, via_hub=True, cpo_version=cpo)
    _assert_passed(report)
    assert report.losses or report.supplied  # what did not fit, or what the hub had to give
    steps = {step.name for step in report.steps}
    assert {"START_SESSION + result", "STOP_SESSION + result"} <= steps
    assert ("HubClientInfo from the hub" in steps) is (emsp != "2.1.1")  # 2.1.1 has none


def test_the_same_version_through_a_hub_meets_no_loss() -> None:
    assert roam("2.2.1", via_hub=True).losses == {}


def test_the_scenario_absorbs_every_recoverable_fault() -> None:
    report = roam("2.2.1", faults="all", seed=3)
    _assert_passed(report)
    for fault in ("rate_limit", "plain_token", "one_per_page", "link_other_path", "no_z"):
        assert report.faults_met.get(fault), (fault, report.faults_met)
    assert report.tolerated.get("token encoding")
    assert report.tolerated.get("pagination")


def test_an_unrecoverable_fault_fails_with_a_clear_message() -> None:
    report = roam("2.2.1", faults="reject_post")
    assert not report.ok
    assert report.error is not None and "HTTP" in report.error and "POST" in report.error
    assert "Traceback" not in report.text()


def test_several_drivers_at_once() -> None:
    report = roam("2.2.1", count=4)
    _assert_passed(report)
    assert all(s.runs == 4 and s.failures == 0 for s in report.steps if s.runs > 1)


def test_the_command_line_prints_json(capsys: pytest.CaptureFixture[str]) -> None:
    status = main(["roam", "--version", "2.2.1", "--format", "json"])
    document = json.loads(capsys.readouterr().out)
    assert status == 0 and document["ok"] is True
    assert [s["name"] for s in document["steps"]] == STEPS


def test_the_command_line_refuses_bad_input(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["roam", "--version", "9.9"]) == 2
    assert main(["roam", "--faults", "gremlins"]) == 2
    assert main(["roam", "--version", "2.1.1", "--via-hub"]) == 2
    assert main(["roam", "--version", "2.2.1", "--cpo-version", "2.1.1"]) == 2  # no hub
    assert main(["roam", "--version", "2.2.1", "--cpo-version", "9.9", "--via-hub"]) == 2
    err = capsys.readouterr().err
    assert "unknown OCPI version 9.9" in err and "unknown fault 'gremlins'" in err


def test_the_error_summary_is_bounded_however_many_drivers_fail() -> None:
    from ocpi_sdk.sim.roam import _summary

    text = _summary([f"OcpiConnectionError: cannot reach {i}" for i in range(1000)])
    assert len(text) < 1500
    assert text.startswith("1000 failures (OcpiConnectionError x1000)")


def test_the_simulated_cpo_keeps_its_own_sessions_for_a_pull_model_emsp() -> None:
    import asyncio

    from ocpi_sdk.sim.roam import Scenario

    scenario = Scenario("2.2.1")
    report = asyncio.run(scenario.run())
    assert report.ok, report.text()
    kept = scenario.cpo.store.all("2.2.1/sessions")
    assert [s["status"] for s in kept] == ["COMPLETED"]
    page, total = scenario.cpo.store.page("2.2.1/sessions", None, None, 0, 10)
    assert total == 1 and json.loads(page[0])["id"] == kept[0]["id"]
    sessions = [e for e in scenario.cpo.endpoints("2.2.1") if e["identifier"] == "sessions"]
    assert sessions and sessions[0]["role"] == "SENDER"
