"""The README's examples run as written, against the simulators they name.

Convention: a ```python block that talks to a partner starts with one comment line per
simulator, ``# in another terminal: ocpi sim ROLE --port N ...``; a reader runs those commands
first, and this test does the same: it starts each one (on a free port instead of N, changing
``127.0.0.1:N`` in the block to match, so runs never collide), waits for it to listen, runs the
block in a fresh interpreter and stops the simulators. Blocks without the comment run alone.
"""

from __future__ import annotations

import re
import shlex
import socket
import subprocess
import sys
import time
import tomllib
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from ocpi_sdk.cli import build_parser
from ocpi_sdk.sim.serve import free_port

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")
PARTNER = re.compile(r"^# in another terminal: (ocpi sim .+)$", re.MULTILINE)
BLOCK = re.compile(r"^```(\w+)\n(.*?)^```$", re.MULTILINE | re.DOTALL)


def _blocks(language: str) -> list[tuple[str, str]]:
    """(the heading above it, its text) of each block of ``language``, in README order."""
    found = []
    for match in BLOCK.finditer(README):
        if match.group(1) == language:
            headings = re.findall(r"^#+ (.+)$", README[: match.start()], re.MULTILINE)
            found.append((headings[-1] if headings else "top", match.group(2)))
    return found


PYTHON = _blocks("python")


def _wait_listening(port: int, process: subprocess.Popen[str], timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise AssertionError(f"the simulator exited: {process.communicate()}")
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.1)
    raise AssertionError(f"nothing listens on port {port}")


@contextmanager
def _simulators(commands: list[str]) -> Iterator[None]:
    """Run ``commands`` (``ocpi sim ...``) side by side until the block is done."""
    started: list[tuple[int, subprocess.Popen[str]]] = []
    try:
        for command in dict.fromkeys(commands):  # the same simulator named twice runs once
            argv = shlex.split(command)
            assert argv[0] == "ocpi"
            process = subprocess.Popen(
                [sys.executable, "-m", "ocpi_sdk.cli", *argv[1:]],
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
            )
            started.append((int(argv[argv.index("--port") + 1]), process))
        for port, process in started:
            _wait_listening(port, process)
        yield
    finally:
        for _, process in started:
            process.terminate()
        for _, process in started:
            process.wait(timeout=30)


def test_the_readme_has_examples_and_partners_to_run() -> None:
    assert len(PYTHON) >= 5
    assert any(PARTNER.search(code) for _, code in PYTHON)


@pytest.mark.parametrize(("heading", "code"), PYTHON, ids=[h for h, _ in PYTHON])
def test_python_example_runs_as_written(heading: str, code: str, tmp_path: Path) -> None:
    commands = PARTNER.findall(code)
    ports: dict[str, str] = {}
    for command in commands:
        port = shlex.split(command)[shlex.split(command).index("--port") + 1]
        ports.setdefault(port, str(free_port()))
    for old, new in ports.items():
        code = code.replace(f"127.0.0.1:{old}", f"127.0.0.1:{new}")
        commands = [c.replace(f"--port {old}", f"--port {new}") for c in commands]
    with _simulators(commands):
        result = subprocess.run(
            [sys.executable, "-c", code],
            capture_output=True,
            text=True,
            cwd=tmp_path,
            timeout=120,
            check=False,
        )
    assert result.returncode == 0, f"{heading}:\n{result.stderr}"
    assert result.stdout.strip(), f"{heading}: printed nothing"


def test_partner_comments_come_first_in_their_block() -> None:
    for heading, code in PYTHON:
        lines = code.splitlines()
        named = [i for i, line in enumerate(lines) if PARTNER.match(line)]
        assert named == list(range(len(named))), heading


def test_the_first_command_installs_what_it_runs() -> None:
    first = _blocks("sh")[0][1].strip()
    assert first == "pip install '.[bench]' && ocpi roam --version 2.2.1"
    extras = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    bench = " ".join(extras["optional-dependencies"]["bench"])
    server = " ".join(extras["optional-dependencies"]["server"])
    assert "ocpi-sdk[server,load]" in bench and "starlette" in server and "uvicorn" in server
    assert not any(
        name in dep for dep in extras["dependencies"] for name in ("starlette", "uvicorn")
    )


def test_every_command_line_shown_parses() -> None:
    shown = [
        line.split("#")[0].strip()
        for _, text in _blocks("sh")
        for line in text.replace("\\\n", " ").splitlines()
        if line.startswith("ocpi ") and "[" not in line.split("#")[0]
    ]
    assert len(shown) >= 8
    for line in shown:
        argv = shlex.split(line)[1:]
        try:
            build_parser(argv).parse_args(argv)
        except SystemExit as exc:  # pragma: no cover - the failure message
            raise AssertionError(f"the README shows a command that does not parse: {line}") from exc
