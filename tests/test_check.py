"""``ocpi check`` against our own simulators: every required check passes; each fault that breaks
a rule makes its check fail (or warn, for a SHOULD) with that evidence and nothing else fail;
reports are well formed and never carry the token."""

from __future__ import annotations

import json
import re
import secrets
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from xml.etree import ElementTree

import pytest

from ocpi_sdk.check import Options, Run, catalogue, report, run, select
from ocpi_sdk.check.model import SEVERITIES
from ocpi_sdk.cli import main
from ocpi_sdk.credentials import PartnerRecord
from ocpi_sdk.sim import faults as fault_names
from ocpi_sdk.sim.platform import Platform, SimConfig
from ocpi_sdk.sim.seed import seed_platform
from ocpi_sdk.sim.serve import RunningServer

ALL = ("2.1.1", "2.2.1", "2.3.0")


@contextmanager
def simulator(role: str, faults: tuple[str, ...] = ()) -> Iterator[tuple[Platform, str]]:
    """A running simulator and a token C it knows us by (as if we had registered)."""
    platform = Platform(SimConfig(role=role.upper(), versions=ALL, faults=faults))
    with RunningServer(platform):
        seed_platform(platform)
        token = "check-" + secrets.token_hex(12)
        record = PartnerRecord(token, "b-" + token, "http://127.0.0.1:9/", "2.2.1", (), {})
        platform.partners.register(record, replacing=None)
        yield platform, token


def check_run(role: str, version: str, faults: tuple[str, ...] = ()) -> tuple[Run, str]:
    with simulator(role, faults) as (platform, token):
        result = run(Options(platform.versions_url, token, role=role, version=version))
    return result, token


def outcomes(result: Run, *kinds: str) -> set[str]:
    return {r.check.id for r in result.results if r.outcome in kinds}


# OCPI 2.1.1 has no hub role (the simulated hub's GET credentials fails there: reported).
MATRIX = [(r, v) for r in ("cpo", "emsp", "hub") for v in ALL if (r, v) != ("hub", "2.1.1")]


@pytest.mark.parametrize(("role", "version"), MATRIX)
def test_every_required_check_passes_against_the_simulators(role: str, version: str) -> None:
    result, token = check_run(role, version)
    assert result.version == version
    assert outcomes(result, "fail") == set(), report.text(result)
    assert result.exit_status == 0
    assert len(outcomes(result, "pass")) >= 30
    assert token not in report.to_json(result)


# A fault that breaks a rule: the checks it must fail (a MUST) and warn (a SHOULD). The SDK's
# own tolerant client may also warn (objects.sdk_reads_lists): a second witness of the deviation.
AUTH_401 = {
    "auth.versions_no_token",
    "auth.versions_wrong_token",
    "auth.module_no_token",
    "auth.module_wrong_token",
    "auth.garbled_token",
    "auth.error_envelope",
}
SINGLE = {"objects.single_location", "objects.single_evse", "objects.single_connector"}
BREAKING: dict[str, tuple[set[str], set[str]]] = {
    "plain_token": ({"auth.base64_token"}, set()),
    "link_other_path": (set(), {"page.link_same_endpoint"}),
    # the faults of the simulators on the server kit (skipped where they do not exist yet)
    "plain_token,token_status_200": ({"auth.base64_token"}, set()),
    "single_as_list": (SINGLE, set()),
    "broken_link": ({"page.link_usable"}, set()),
    "link_other_origin": ({"page.link_usable"}, {"page.link_same_endpoint"}),
    "error_not_envelope": (AUTH_401, set()),
    "bad_object_in_page": ({"objects.schema"}, set()),
}
# Faults within the spec (DateTimes without Z: "the absence of the timezone designator implies
# a UTC timestamp"; unknown fields; small pages; slow answers; null optionals; custom modules;
# a redirect to the slashed URL) make nothing fail.
HARMLESS = ("no_z", "extra_fields", "one_per_page", "slow")
HARMLESS_NEW = ("null_optionals", "custom_module", "redirect_slash")


def known(faults: str | tuple[str, ...]) -> bool:
    names = faults.split(",") if isinstance(faults, str) else faults
    return all(name in fault_names.KNOWN for name in names)


@pytest.mark.parametrize("fault", sorted(BREAKING))
def test_a_fault_fails_its_check_with_evidence_and_nothing_else(fault: str) -> None:
    if not known(fault):
        pytest.skip(f"the simulators have no fault {fault} yet")
    result, token = check_run("cpo", "2.2.1", tuple(fault.split(",")))
    fails, warns = BREAKING[fault]
    assert outcomes(result, "fail") == fails, report.text(result)
    assert warns <= outcomes(result, "warn") <= warns | {"objects.sdk_reads_lists"}
    assert result.exit_status == (1 if fails else 0)
    for item in result.results:
        if item.check.id in fails | warns:
            assert item.evidence and item.message, item.check.id
    first = next(r for r in result.results if r.check.id in fails | warns).evidence[0]
    if fault.startswith("plain_token"):
        assert first.request_headers["Authorization"] == "Token ***"
        assert first.status in (200, 401)
    if fault == "link_other_path":
        assert "/ocpi/alt/" in first.response_headers.get("link", "")
    assert token not in report.text(result) + report.to_json(result)


@pytest.mark.parametrize(
    "faults", [HARMLESS, HARMLESS_NEW, ("rate_limit", "server_error", "not_json")]
)
def test_faults_within_the_spec_fail_nothing(faults: tuple[str, ...]) -> None:
    if not known(faults):
        pytest.skip("the simulators do not have these faults yet")
    result, _ = check_run("cpo", "2.2.1", faults)
    assert outcomes(result, "fail") == set(), report.text(result)
    transient = next(r for r in result.results if r.check.id == "transport.transient_errors")
    assert transient.outcome == ("warn" if "rate_limit" in faults else "pass")


def test_reports_junit_html_json(tmp_path: Path) -> None:
    with simulator("cpo", ("plain_token",)) as (platform, token):
        junit, page = tmp_path / "r.xml", tmp_path / "r.html"
        status = main(
            [
                "check",
                platform.versions_url,
                "--token",
                token,
                "--role",
                "cpo",
                "--version",
                "2.2.1",
                "--format",
                "json",
                "--junit",
                str(junit),
                "--html",
                str(page),
            ]
        )
    assert status == 1
    suite = ElementTree.fromstring(junit.read_text())
    cases = suite.findall("testcase")
    checks = select(role="cpo", version="2.2.1", mode="read-only", profile_checks=())
    assert len(cases) == len(checks)
    assert {c.get("name") for c in cases} == {c.id for c in checks}
    failed = [c.get("name") for c in cases if c.find("failure") is not None]
    assert failed == ["auth.base64_token"]
    html = page.read_text()
    assert "<link" not in html and "<script" not in html and "src=" not in html
    assert "http-equiv" not in html and "@import" not in html
    assert html.index("auth.base64_token") < html.index("versions.envelope")
    for text in (junit.read_text(), html):
        assert token not in text


def test_json_report_schema(capsys: pytest.CaptureFixture[str]) -> None:
    with simulator("emsp") as (platform, token):
        status = main(
            ["check", platform.versions_url, "--token", token, "--role", "emsp", "--format", "json"]
        )
    out = capsys.readouterr().out
    assert status == 0 and token not in out
    data = json.loads(out)
    assert data["schema"] == "ocpi-check-report/1"
    assert {"target", "version", "role", "mode", "started", "finished", "summary", "checks"} <= set(
        data
    )
    for item in data["checks"]:
        assert {"id", "title", "severity", "result", "spec", "message", "evidence"} <= set(item)
        assert item["result"] in ("pass", "fail", "warn", "skip")


def test_text_output_progress_and_summary(capsys: pytest.CaptureFixture[str]) -> None:
    with simulator("cpo", ("link_other_path",)) as (platform, token):
        status = main(["check", platform.versions_url, "--token", token, "--role", "cpo"])
    out = capsys.readouterr().out
    assert status == 0
    lines = out.splitlines()
    assert lines[0].startswith("[ 1/") and " versions.envelope" in lines[0]
    assert "WARN page.link_same_endpoint" in out
    assert lines[-1].endswith("1 warnings, 1 skipped") and " 0 failed" in lines[-1]
    assert token not in out


def test_cannot_start_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    with simulator("cpo") as (platform, _):
        status = main(["check", platform.versions_url, "--token", "nope-nope", "--role", "cpo"])
    assert status == 2
    assert "refused" in capsys.readouterr().err
    assert main(["check", "http://127.0.0.1:9/ocpi/versions", "--token", "x", "--role", "cpo"]) == 2
    assert main(["check", "--role", "cpo"]) == 2


def test_token_a_cannot_read_the_modules_and_the_run_says_so() -> None:
    with simulator("cpo") as (platform, _):
        result = run(Options(platform.versions_url, platform.token_a, role="cpo"))
    assert outcomes(result, "fail") == set()
    skipped = next(r for r in result.results if r.check.id == "page.limit")
    assert skipped.outcome == "skip" and "HTTP 401" in " ".join(skipped.details)
    assert any("token C" in note for note in result.notes)


def test_only_and_profile() -> None:
    with simulator("cpo") as (platform, token):
        result = run(
            Options(
                platform.versions_url,
                token,
                role="cpo",
                only="profile.*,auth.*",
                profile="hub-ready",
            )
        )
    ids = {r.check.id for r in result.results}
    assert ids and all(i.startswith(("auth.", "profile.")) for i in ids)
    https = next(r for r in result.results if r.check.id == "profile.https_only")
    assert https.outcome == "fail" and "GIREVE" in https.spec


def test_catalogue_entries_are_complete() -> None:
    checks = catalogue()
    assert len({c.id for c in checks}) == len(checks) >= 60
    for check in checks:
        assert check.title and check.sends and check.rule and check.severity in SEVERITIES
        for version in check.versions:
            assert f"OCPI {version} " in check.reference(version)
        assert (check.severity == "profile") == (check.profile is not None)


def test_list_counts(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "--list", "--role", "cpo", "--version", "2.2.1"]) == 0
    out = capsys.readouterr().out
    assert "page.link_usable" in out and "transport_and_format.asciidoc" in out
    assert out.strip().splitlines()[-1].endswith("checks for cpo in OCPI 2.2.1")


ACTIVE = [
    ("cpo", "2.1.1"),
    ("cpo", "2.2.1"),
    ("emsp", "2.1.1"),
    ("emsp", "2.3.0"),
    ("hub", "2.2.1"),
    ("hub", "2.3.0"),
]


@pytest.mark.parametrize(("role", "version"), ACTIVE)
def test_active_mode_against_the_simulators(role: str, version: str) -> None:
    platform = Platform(SimConfig(role=role.upper(), versions=ALL))
    with RunningServer(platform):
        seed_platform(platform)
        result = run(
            Options(
                platform.versions_url,
                platform.token_a,
                role=role,
                version=version,
                mode="active",
                wait=1.0,
                second_token=platform.issue_token() if role == "hub" else None,
            )
        )
    assert outcomes(result, "fail") == set(), report.text(result)
    active = {r.check.id: r.outcome for r in result.results if r.check.mode == "active"}
    assert active["active.register"] == "pass" and active["active.unregister"] == "pass"
    expected = {
        "cpo": {"active.cpo.cdr_costs", "active.cpo.stop_session", "active.cpo.session_pushed"},
        "emsp": {"active.emsp.post_cdr", "active.emsp.evse_removed", "active.emsp.authorize"},
        "hub": {
            "active.hub.lists_the_bench",
            "active.hub.unknown_receiver",
            "active.hub.forwards",
            "active.hub.request_ids",
            "active.hub.routing_headers",
        },
    }[role]
    assert {k for k, v in active.items() if v == "pass"} >= expected
    if role == "emsp":  # a step that needs a person in the eMSP's app times out as a skip
        assert active["active.emsp.sends_commands"] == "skip"
    text = report.text(result) + report.to_html(result) + report.junit(result)
    assert platform.token_a not in text + report.to_json(result)
    # every credentials token the exchanges carried (B, C, rotated ones) is shown as ***
    carried = re.findall(r'"token":"([^"]*)"', text.replace("&quot;", '"'))
    assert carried and set(carried) == {"***"}


def test_active_registration_refused_fails_register_and_skips_the_scenarios() -> None:
    with simulator("cpo") as (platform, token):  # a token C is not a token A
        result = run(Options(platform.versions_url, token, role="cpo", mode="active", wait=0.5))
    found = {r.check.id: r for r in result.results}
    assert found["active.register"].outcome == "fail"
    assert found["active.cpo.push_token"].outcome == "skip"
    assert result.exit_status == 1


def test_list_as_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "--list", "--role", "hub", "--version", "2.3.0", "--format", "json"]) == 0
    entries = json.loads(capsys.readouterr().out)
    ids = {e["id"] for e in entries}
    assert "active.hub.forwards" in ids and "objects.single_location" not in ids
    for item in entries:
        assert item["spec"].startswith("OCPI 2.3.0 ") and item["severity"] in SEVERITIES
