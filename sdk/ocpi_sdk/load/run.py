"""Starting a run: the setup once, then Locust's own command line in a child process
(single, master with K local workers, or a worker of a master elsewhere)."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import attrs

EXIT_OK, EXIT_FAILED, EXIT_CANNOT_START = 0, 1, 2
LOCUSTFILE = Path(__file__).with_name("locustfile.py")
DEFAULT_MASTER_PORT = 5557
INSTALL_HINT = "Locust is not installed: pip install 'ocpi-sdk[load]'"


@attrs.define
class LoadOptions:
    """Locust's side of a run (see ``ocpi load --help``)."""

    users: int = 20
    spawn_rate: float = 20.0
    run_time: str = "60s"
    workers: int = 0
    master_host: str | None = None
    master_port: int = 0
    """The master's port: 0 means 5557 when other machines join, else a free one."""
    expect_workers: int = 0
    """Workers (local and on other machines) the master waits for; default ``workers``."""
    html: str | None = None
    csv: str | None = None


def _free_port() -> int:
    from ocpi_sdk.sim.serve import free_port

    return free_port("0.0.0.0")


def locust_available() -> bool:
    import importlib.util

    return importlib.util.find_spec("locust") is not None


def locust_command(options: LoadOptions) -> list[str]:
    """The ``locust`` command line of a run with ``options``."""
    argv = [sys.executable, "-m", "locust", "-f", str(LOCUSTFILE), "--headless", "--only-summary"]
    if options.master_host:
        argv += ["--worker", "--master-host", options.master_host]
        argv += ["--master-port", str(options.master_port or DEFAULT_MASTER_PORT)]
        if options.workers > 1:
            argv += ["--processes", str(options.workers)]
        return argv
    argv += ["--users", str(options.users), "--spawn-rate", str(options.spawn_rate)]
    argv += ["--run-time", options.run_time, "--stop-timeout", "5"]
    expect = max(options.expect_workers, options.workers)
    if expect:  # one master and K local worker processes (all ending with it), others joining
        remote = expect > options.workers
        port = options.master_port or (DEFAULT_MASTER_PORT if remote else _free_port())
        argv += ["--expect-workers", str(expect), "--master-bind-port", str(port)]
        argv += ["--master-port", str(port)]  # where the forked workers connect
        argv += ["--expect-workers-max-wait", "60"]
        if options.workers:
            argv += ["--processes", str(options.workers)]
        else:
            argv += ["--master"]
    if options.html:
        argv += ["--html", options.html]
    if options.csv:
        argv += ["--csv", options.csv]
    return argv


def run_locust(
    setup: dict[str, Any] | None,
    options: LoadOptions,
    *,
    echo: Callable[[str], None] = print,
) -> tuple[int, dict[str, Any] | None]:
    """Run Locust with ``setup`` (None for a worker joining a remote master); returns its exit
    status and the master's result (None for a worker)."""
    with tempfile.TemporaryDirectory(prefix="ocpi-load-") as folder:
        env = dict(os.environ)
        result_path = Path(folder, "result.json")
        if setup is not None:
            setup_path = Path(folder, "setup.json")
            fd = os.open(setup_path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)  # holds a token
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                json.dump(setup, handle)
            env["OCPI_LOAD_SETUP"] = str(setup_path)
            env["OCPI_LOAD_RESULT"] = str(result_path)
        # Its own process group: whatever Locust forked ends when the run ends.
        process = subprocess.Popen(locust_command(options), env=env, start_new_session=True)
        try:
            status = process.wait()
        except KeyboardInterrupt:
            process.terminate()
            status = process.wait()
        finally:
            _end_group(process.pid)
        result = json.loads(result_path.read_text()) if result_path.exists() else None
    return status, result


def _end_group(pgid: int) -> None:
    """Stop what is left of the process group Locust ran in (workers of a master that quit)."""
    try:
        os.killpg(pgid, signal.SIGTERM)
    except (ProcessLookupError, PermissionError):
        return


def verdict(status: int, result: dict[str, Any] | None) -> int:
    """0 when there were requests, no failures and no invalid objects; 1 when the run failed;
    2 when it could not start."""
    if result is None:
        return EXIT_CANNOT_START
    total = result["total"]
    invalid = sum(result["ocpi"].get("objects_invalid", {}).values())
    if status != 0 or total["failures"] or invalid or not total["requests"]:
        return EXIT_FAILED
    return EXIT_OK
