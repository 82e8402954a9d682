"""The ``ocpi`` command line without surprises: version, help, bad arguments, pipes, Ctrl-C."""

from __future__ import annotations

import argparse
import contextlib
import io
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from ocpi_sdk import __version__
from ocpi_sdk.cli import COMMANDS, build_parser, main
from ocpi_sdk.cli._roam import _Progress
from ocpi_sdk.sim.serve import free_port


def _ocpi(*argv: str, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "ocpi_sdk.cli", *argv],
        capture_output=True,
        text=True,
        check=False,
        timeout=timeout,
    )


def _parsers(parser: argparse.ArgumentParser) -> list[argparse.ArgumentParser]:
    found = [parser]
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for sub in action.choices.values():
                found += _parsers(sub)
    return found


def test_version() -> None:
    result = _ocpi("--version")
    assert (result.returncode, result.stdout) == (0, f"ocpi-sdk {__version__}\n")


@pytest.mark.parametrize("command", list(COMMANDS))
def test_every_option_with_a_default_shows_it_in_its_help(command: str) -> None:
    for parser in _parsers(build_parser([command])):
        text = parser.format_help()
        for action in parser._actions:
            default = action.default
            if not action.option_strings or any(
                default is nothing for nothing in (None, False, argparse.SUPPRESS)
            ):
                continue
            assert (action.help and "default" in action.help.lower()) or (
                f"(default: {action.default if action.default != '' else 'none'})" in text
            ), (parser.prog, action.option_strings)


def test_ocpi_help_lists_every_command() -> None:
    text = build_parser([]).format_help()
    assert all(name in text for name in COMMANDS)


def test_sim_role_help_describes_that_role() -> None:
    helps = {role: _ocpi("sim", role, "--help").stdout for role in ("cpo", "emsp", "hub")}
    assert "Charge Point Operator" in helps["cpo"] and "Charge Point Operator" not in helps["emsp"]
    assert "e-Mobility Service Provider" in helps["emsp"]
    assert "routes" in helps["hub"]
    assert all("--port PORT" in text and "(default: 8001)" in text for text in helps.values())


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["sim", "cpo", "--port", "99999"], "argument --port: 99999 is not a port number"),
        (["sim", "cpo", "--port", "http"], "argument --port: 'http' is not a port number"),
        (["roam", "--count", "0"], "argument --count: 0 is not at least 1"),
    ],
)
def test_bad_arguments_are_one_usage_line(argv: list[str], message: str) -> None:
    result = _ocpi(*argv)
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert message in result.stderr.splitlines()[-1]


def test_a_db_in_a_missing_folder_is_refused_in_one_line(tmp_path: Path) -> None:
    db = tmp_path / "no" / "such" / "sim.db"
    result = _ocpi("sim", "cpo", "--port", str(free_port()), "--db", str(db))
    assert result.returncode == 2 and result.stdout == ""
    assert result.stderr.splitlines() == [
        f"ocpi sim: error: --db {db}: folder {db.parent} does not exist"
    ]


def test_a_closed_pipe_ends_quietly(examples_dir: Path) -> None:
    example = str(examples_dir / "2.2.1" / "location_example.json")
    process = subprocess.Popen(
        [sys.executable, "-m", "ocpi_sdk.cli", "validate", "--version", "2.2.1",
         "--object", "Location", *[example] * 2000],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )  # fmt: skip
    assert process.stdout is not None and process.stderr is not None
    process.stdout.readline()
    process.stdout.close()  # what `| head -1` does
    err = process.stderr.read().decode()
    assert process.wait(timeout=60) == 128 + signal.SIGPIPE
    assert err == ""


def test_ctrl_c_ends_a_run_with_one_line_and_status_130() -> None:
    """Interrupted after its first step (seen on a pseudo-terminal), roam stops in one line."""
    import os
    import pty

    leader, follower = pty.openpty()
    process = subprocess.Popen(
        [sys.executable, "-m", "ocpi_sdk.cli", "roam", "--count", "20"],
        stdout=subprocess.PIPE,
        stderr=follower,
    )
    os.close(follower)
    try:
        seen = b""
        while b"[1]" not in seen:
            seen += os.read(leader, 1024)
        process.send_signal(signal.SIGINT)
        assert process.wait(timeout=60) == 130
        rest = b""
        with contextlib.suppress(OSError):  # the terminal closes with the process
            while chunk := os.read(leader, 1024):
                rest += chunk
    finally:
        os.close(leader)
        if process.poll() is None:
            process.kill()
    assert process.stdout is not None and process.stdout.read() == b""
    assert rest.decode().replace("\r\x1b[K", "").strip() == "ocpi: interrupted"


def test_roam_prints_each_step_once(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["roam", "--version", "2.2.1"]) == 0
    captured = capsys.readouterr()
    assert captured.out.count("credentials handshake") == 1
    assert captured.err == ""  # no terminal: no progress lines


def test_roam_progress_on_a_terminal_overwrites_one_line() -> None:
    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    screen = Terminal()
    progress = _Progress(screen)
    progress("PASS  version negotiation: 2.2.1")
    progress("PASS  pull Locations: 3")
    progress.clear()
    assert "\n" not in screen.getvalue()
    assert screen.getvalue().endswith("\r\x1b[K")
    assert "[2] PASS  pull Locations" in screen.getvalue()
