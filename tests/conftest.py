from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.examples import examples_root


@pytest.fixture(scope="session")
def examples_dir() -> Path:
    """The spec's example payloads; a missing folder fails under CI and skips elsewhere."""
    root = examples_root()
    if root is None:
        message = "spec examples not found: set OCPI_EXAMPLES or put shared/ beside the repository"
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(message)
        pytest.skip(message)
    return root
