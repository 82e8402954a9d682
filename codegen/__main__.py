"""``python -m codegen [--schemas DIR] [--out DIR] [--check]``: regenerate the version packages."""

from __future__ import annotations

import argparse
import filecmp
import sys
import tempfile
from pathlib import Path

from codegen.reader import read_all
from codegen.render import write_package

ROOT = Path(__file__).resolve().parent.parent


def generate(schemas: Path, out: Path) -> list[str]:
    """Write ``out/v<version>/`` for every version folder of ``schemas``; return the packages."""
    written = []
    for version in read_all(schemas):
        write_package(version, schemas / version.version, out / version.package)
        written.append(version.package)
    return written


def _differences(left: Path, right: Path) -> list[str]:
    compare = filecmp.dircmp(left, right, ignore=["__pycache__"])
    found = [f"only in {left}: {n}" for n in compare.left_only]
    found += [f"only in {right}: {n}" for n in compare.right_only]
    found += [f"differs: {right / n}" for n in compare.diff_files]
    for sub in compare.common_dirs:
        found += _differences(left / sub, right / sub)
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m codegen", description=__doc__)
    parser.add_argument("--schemas", type=Path, default=ROOT / "schemas")
    parser.add_argument("--out", type=Path, default=ROOT / "sdk" / "ocpi_sdk")
    parser.add_argument(
        "--check", action="store_true", help="fail if the committed packages differ"
    )
    args = parser.parse_args(argv)
    if not args.check:
        for package in generate(args.schemas, args.out):
            print(f"wrote {args.out / package}")
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        packages = generate(args.schemas, Path(tmp))
        problems = [d for p in packages for d in _differences(Path(tmp) / p, args.out / p)]
    for problem in problems:
        print(problem, file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
