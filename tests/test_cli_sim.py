"""``ocpi sim``: a simulator started from the command line serves on loopback."""

from __future__ import annotations

import base64
import subprocess
import sys
import time

import httpx

from ocpi_sdk.sim.serve import free_port


def test_ocpi_sim_starts_and_prints_its_versions_url_and_token() -> None:
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "ocpi_sdk.cli", "sim", "cpo", "--port", str(port),
         "--version", "2.2.1", "--token", "token-a-123"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )  # fmt: skip
    try:
        lines = [process.stdout.readline() for _ in range(3)] if process.stdout else []
        assert f"versions URL: http://127.0.0.1:{port}/ocpi/versions" in lines[1]
        assert "token A:      token-a-123" in lines[2]
        token = base64.b64encode(b"token-a-123").decode()
        deadline = time.monotonic() + 10
        while True:
            try:
                answer = httpx.get(
                    f"http://127.0.0.1:{port}/ocpi/versions",
                    headers={"Authorization": f"Token {token}"},
                )
                break
            except httpx.ConnectError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.1)
        assert answer.status_code == 200
        assert answer.json()["data"] == [
            {"version": "2.2.1", "url": f"http://127.0.0.1:{port}/ocpi/2.2.1"}
        ]
        details = httpx.get(
            f"http://127.0.0.1:{port}/ocpi/2.2.1", headers={"Authorization": f"Token {token}"}
        ).json()["data"]
        assert {e["identifier"] for e in details["endpoints"]} >= {"credentials", "locations"}
    finally:
        process.terminate()
        process.wait(timeout=10)


def test_ocpi_sim_refuses_unknown_faults() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "ocpi_sdk.cli", "sim", "emsp", "--faults", "gremlins"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 2
    assert "unknown fault 'gremlins'" in result.stderr


def test_ocpi_sim_refuses_a_port_in_use_in_one_line() -> None:
    import socket

    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = subprocess.run(
            [sys.executable, "-m", "ocpi_sdk.cli", "sim", "cpo", "--port", str(port)],
            capture_output=True,
            text=True,
            check=False,
            timeout=30,
        )
    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == [
        f"ocpi sim: error: cannot listen on 127.0.0.1:{port}: Address already in use"
    ]
    assert result.stdout == ""


def test_port_0_prints_the_real_port_and_requests_are_logged_without_tokens() -> None:
    process = subprocess.Popen(
        [sys.executable, "-m", "ocpi_sdk.cli", "sim", "cpo", "--port", "0", "--version", "2.2.1",
         "--token", "secret-token-a", "--log-requests"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )  # fmt: skip
    try:
        assert process.stdout is not None
        lines = [process.stdout.readline() for _ in range(4)]
        port = int(lines[3].split()[1])
        assert f"http://127.0.0.1:{port}/ocpi/versions" in lines[1]
        token = base64.b64encode(b"secret-token-a").decode()
        answer = httpx.get(
            f"http://127.0.0.1:{port}/ocpi/versions", headers={"Authorization": f"Token {token}"}
        )
        assert answer.status_code == 200
        refused = httpx.get(f"http://127.0.0.1:{port}/ocpi/2.2.1/locations")
        assert refused.status_code == 401 and refused.json()["status_code"] == 2000
        logged = [process.stdout.readline() for _ in range(2)]
        assert logged[0].split()[:4] == ["GET", "/versions", "200", "1000"]
        assert logged[1].split()[:4] == ["GET", "/2.2.1/locations", "401", "2000"]
        assert all("secret" not in line and token not in line for line in logged)
    finally:
        process.terminate()
        process.wait(timeout=10)
    assert "Traceback" not in (process.stderr.read() if process.stderr else "")
