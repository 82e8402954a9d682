"""The README's Schemathesis recipe, run as written (fewer examples) against a simulated CPO."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

from tests.openapi_harness import registered_sim, schemathesis

README = Path(__file__).resolve().parent.parent / "README.md"


def recipe() -> str:
    text = README.read_text(encoding="utf-8")
    found = re.search(r"<!-- recipe: schemathesis -->\n```sh\n(.*?)```", text, re.DOTALL)
    assert found is not None, "the README lost its Schemathesis recipe"
    return found.group(1)


def _refused_operations(output: str) -> list[str]:
    """The operations Schemathesis lists under "Authentication failed"."""
    if "Authentication failed" not in output:
        return []
    block = output.split("Authentication failed", 1)[1].split("\n\n💡", 1)[0]
    return [line.strip()[2:] for line in block.splitlines() if line.strip().startswith("- ")]


def test_readme_recipe_runs_against_a_simulated_cpo(tmp_path: Path) -> None:
    script = recipe()
    assert "--max-examples 20" in script
    script = script.replace("--max-examples 20", "--max-examples 2 --seed 1")
    # `ocpi` from this Python's environment, `schemathesis` from wherever it is installed
    search = [str(Path(sys.executable).parent), str(Path(schemathesis()).parent)]
    with registered_sim("CPO", "2.2.1") as sim:
        before = sim.platform.received
        run = subprocess.run(
            ["bash", "-euo", "pipefail", "-c", script],
            cwd=tmp_path,
            env={
                **os.environ,
                "PATH": os.pathsep.join([*search, os.environ.get("PATH", "")]),
                "OCPI_ROOT": sim.root,
                "TOKEN": sim.token,
            },
            capture_output=True,
            text=True,
            timeout=300,
            check=False,
        )
        received = sim.platform.received - before
    assert run.returncode == 0, run.stdout[-4000:] + run.stderr[-2000:]
    assert (tmp_path / "cpo-2.2.1.json").is_file()
    # The token was encoded as the version wants: the only refusals Schemathesis may see are
    # the server's owner rule (403 for a generated country_code/party_id that is not the
    # caller's own: a party acts only on its own objects).
    refused = _refused_operations(run.stdout)
    assert all("{country_code}/{party_id}" in op for op in refused), refused
    assert received > 20  # the generated requests reached the simulator, authorized
