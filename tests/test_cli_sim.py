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
