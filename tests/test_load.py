"""``ocpi load``: profiles as data, Locust kept optional, runs against our simulators on loopback
(every run bounded by --run-time)."""

from __future__ import annotations

import importlib.util
import os
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest

from ocpi_sdk.load import load_profile, profile_names
from ocpi_sdk.load.tasks import TASKS

if importlib.util.find_spec("locust") is None:  # never imported here: it patches the process
    pytest.skip("Locust is not installed (the load extra)", allow_module_level=True)
psutil = pytest.importorskip("psutil")

SDK = str(Path(__file__).resolve().parents[1] / "sdk")


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = SDK + os.pathsep + env.get("PYTHONPATH", "")
    return env


def _load(*args: str, timeout: float = 90) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "ocpi_sdk.cli", "load", *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        env=_env(),
    )


def _outcomes(stdout: str) -> dict[str, str]:
    block = stdout.split("OCPI outcomes", 1)[1]
    return {
        m.group(1).strip(): m.group(2) for m in re.finditer(r"^  (\D+?)\s{2,}(.*)$", block, re.M)
    }


def _requests(line: str) -> tuple[int, int]:
    match = re.match(r"(\d+) \(.*\), failures (\d+)", line)
    assert match, line
    return int(match.group(1)), int(match.group(2))


def test_every_profile_is_data_with_its_sources_and_arithmetic() -> None:
    assert set(profile_names()) >= {"full-sync", "status-storm", "sessions-day", "mixed"}
    for name in profile_names():
        profile = load_profile(name)
        assert profile.sources and profile.arithmetic and profile.description
        for role, tasks in profile.against.items():
            assert role in ("cpo", "emsp")
            assert set(tasks) <= set(TASKS), name


def test_unknown_profile_and_role_without_load_are_refused() -> None:
    with pytest.raises(ValueError, match="unknown profile"):
        load_profile("nightly")
    with pytest.raises(ValueError, match="no load for a emsp"):
        load_profile("full-sync").tasks("emsp")


def test_locust_is_imported_only_by_a_load_run() -> None:
    code = (
        "import sys, ocpi_sdk, ocpi_sdk.load, ocpi_sdk.cli\n"
        "ocpi_sdk.cli.build_parser().format_help()\n"
        "assert 'locust' not in sys.modules and 'gevent' not in sys.modules\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, env=_env(), timeout=60)


def test_a_missing_extra_is_one_line(monkeypatch: pytest.MonkeyPatch, capsys) -> None:  # type: ignore[no-untyped-def]
    from ocpi_sdk.cli import main
    from ocpi_sdk.load import run

    monkeypatch.setattr(run, "locust_available", lambda: False)
    assert main(["load", "--sim", "emsp", "--profile", "status-storm"]) == 2
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0 and "pip install 'ocpi-sdk[load]'" in err


def test_status_storm_on_two_workers_which_end_with_the_master() -> None:
    command = [
        sys.executable, "-m", "ocpi_sdk.cli", "load", "--sim", "emsp",
        "--profile", "status-storm", "--users", "20", "--run-time", "10s", "--workers", "2",
    ]  # fmt: skip
    process = subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=_env()
    )
    seen: set[int] = set()
    deadline = time.monotonic() + 90
    while process.poll() is None and time.monotonic() < deadline:
        try:
            seen |= {p.pid for p in psutil.Process(process.pid).children(recursive=True)}
        except psutil.NoSuchProcess:
            break
        time.sleep(0.2)
    stdout, stderr = process.communicate(timeout=30)
    assert process.returncode == 0, stdout + stderr[-3000:]
    assert len(seen) >= 3  # locust's master and its two forked workers
    assert not [pid for pid in seen if psutil.pid_exists(pid) and _alive(pid)]
    assert stderr.count("Got quit message from master") == 2
    outcomes = _outcomes(stdout)
    requests, failures = _requests(outcomes["requests"])
    assert requests > 0 and failures == 0
    assert re.fullmatch(r"1000: \d+", outcomes["OCPI status codes"])
    assert outcomes["objects invalid"] == "none"
    assert "PATCH    locations/{evse} status" in stderr  # Locust's own table, per request kind


def _alive(pid: int) -> bool:
    try:
        return psutil.Process(pid).status() != psutil.STATUS_ZOMBIE
    except psutil.NoSuchProcess:
        return False


@pytest.mark.parametrize(
    ("sim", "profile", "counted"),
    [
        ("cpo", "full-sync", "objects validated"),
        ("cpo", "sessions-day", "objects validated"),
        ("emsp", "mixed", "OCPI status codes"),
    ],
)
def test_each_profile_in_one_process(sim: str, profile: str, counted: str, tmp_path: Path) -> None:
    html = tmp_path / "report.html"
    done = _load(
        "--sim", sim, "--profile", profile, "--users", "5", "--run-time", "2s",
        "--rate", "0", "--html", str(html), "--csv", str(tmp_path / "stats"),
    )  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr[-3000:]
    outcomes = _outcomes(done.stdout)
    requests, failures = _requests(outcomes["requests"])
    assert requests > 0 and failures == 0
    assert outcomes[counted] != "none"  # OCPI outcomes counted
    assert html.exists() and (tmp_path / "stats_stats.csv").exists()


def test_cannot_start_against_nothing() -> None:
    done = _load(
        "http://127.0.0.1:9/ocpi/versions", "--token", "t", "--role", "cpo", "--run-time", "1s"
    )
    assert done.returncode == 2
    assert "cannot connect" in done.stderr


def test_a_worker_joins_a_master_as_from_another_machine() -> None:
    from ocpi_sdk.sim.serve import free_port

    port = str(free_port())
    master = subprocess.Popen(
        [sys.executable, "-m", "ocpi_sdk.cli", "load", "--sim", "emsp", "--profile",
         "status-storm", "--users", "4", "--run-time", "3s", "--expect-workers", "1",
         "--master-port", port],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=_env(),
    )  # fmt: skip
    worker = _load("--master-host", "127.0.0.1", "--master-port", port)
    stdout, stderr = master.communicate(timeout=90)
    assert master.returncode == 0 and worker.returncode == 0, stderr[-3000:] + worker.stderr[-2000:]
    assert "1 workers connected" in stderr and "Got quit message from master" in worker.stderr
    requests, failures = _requests(_outcomes(stdout)["requests"])
    assert requests > 0 and failures == 0
