"""Render the templates over what ``reader`` read, and format the result with ruff."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import tempfile
import textwrap
from pathlib import Path
from typing import Any

import jinja2

from codegen.clients import client_files
from codegen.reader import Field, VersionDef
from codegen.server import server_file

TEMPLATES = Path(__file__).parent / "templates"
PYPROJECT = Path(__file__).resolve().parent.parent / "pyproject.toml"


def _docstring(text: str, indent: int) -> str:
    text = text.replace("\\", "\\\\").replace('"""', '\\"\\"\\"').strip()
    if text.endswith('"'):
        text += " "
    lines = textwrap.wrap(text, width=100 - indent - 6) or [""]
    return ("\n" + " " * indent).join(lines)


def _annotation(field: Field) -> str:
    return field.annotation if field.required else f"{field.annotation} | None"


def _metadata(field: Field) -> dict[str, int]:
    """The constraints kept on the attrs field (``attrs.fields(C).x.metadata``)."""
    found = {}
    if field.annotation == "str" and field.max_length is not None:
        found["max_length"] = field.max_length
    if field.annotation.startswith("list[") and field.min_items:
        found["min_items"] = field.min_items
    if field.annotation == "list[str]" and field.list_item_max_length is not None:
        found["items_max_length"] = field.list_item_max_length
    return found


def _default(field: Field) -> str:
    metadata = _metadata(field)
    if not metadata and not field.secret:
        return "" if field.required else " = None"
    options = [] if field.required else ["default=None"]
    if field.secret:
        options.append("repr=hidden")
    if metadata:
        options.append(f"metadata={metadata!r}")
    return f" = attrs.field({', '.join(options)})"


def _checks(cls: Any) -> list[str]:
    """Inline checks of one class's constraints, run once per instance in ``__attrs_post_init__``
    (one call per object instead of one validator call per field)."""
    lines = []
    for field in cls.fields:
        value = f"self.{field.name}"
        guard = "" if field.required else f"{value} is not None and "
        for rule, limit in _metadata(field).items():
            if rule == "max_length":
                lines.append(f"if {guard}len({value}) > {limit}:")
                lines.append(f"    raise too_long({field.name!r}, {value}, {limit})")
            elif rule == "min_items":
                lines.append(f"if {guard}len({value}) < {limit}:")
                lines.append(f"    raise too_few({field.name!r}, {limit})")
            else:
                lines.append(f"if {value} is not None:" if not field.required else "if True:")
                lines.append(f"    check_items_length({field.name!r}, {value}, {limit})")
    return lines


def environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        keep_trailing_newline=True,
        undefined=jinja2.StrictUndefined,
        autoescape=False,
    )
    env.filters["docstring"] = _docstring
    env.filters["wrap"] = lambda text, width: "\n".join(textwrap.wrap(text, width)) or ""
    env.filters["pyrepr"] = repr
    env.filters["annotation"] = _annotation
    env.filters["default"] = _default
    env.filters["checks"] = _checks
    return env


def _module_imports(module: Any) -> dict[str, Any]:
    annotations = " ".join(f.annotation for c in module.classes for f in c.fields)
    support: set[str] = set()
    names = {
        "max_length": "too_long",
        "min_items": "too_few",
        "items_max_length": "check_items_length",
    }
    for cls in module.classes:
        for field in cls.fields:
            support.update(names[rule] for rule in _metadata(field))
            if field.secret:
                support.add("hidden")
    for enum in module.enums:
        support.add("OpenOcpiEnum" if enum.open else "OcpiEnum")
    return {
        "datetime": "datetime" in annotations,
        "decimal": "Decimal" in annotations,
        "any": "Any" in annotations.replace("Any", "Any"),
        "support": sorted(support),
    }


def version_files(version: VersionDef, folder: Path) -> dict[str, str]:
    """Every file of one version package, by path relative to the package folder."""
    env = environment()
    files: dict[str, str] = {}
    module_exports: dict[str, list[str]] = {}
    for module in version.modules:
        if not (module.classes or module.enums):
            continue
        exported = [e.name for e in module.enums] + [c.name for c in module.classes]
        module_exports[module.name] = sorted(exported)
        files[f"{module.name}.py"] = env.get_template("module.py.jinja").render(
            version=version, module=module, imports=_module_imports(module), exported=exported
        )
    all_names = sorted(n for names in module_exports.values() for n in names)
    transport = json.loads((folder / "interfaces.json").read_text(encoding="utf-8"))["transport"]
    files["__init__.py"] = env.get_template("package_init.py.jinja").render(
        version=version, module_exports=module_exports, all_names=all_names, transport=transport
    )
    files.update(client_files(env, version, folder))
    files["server.py"] = server_file(env, version, folder)
    return files


def _ruff(*args: str) -> None:
    subprocess.run(
        [sys.executable, "-m", "ruff", *args, "--config", str(PYPROJECT), "--quiet"],
        check=True,
    )


def write_package(version: VersionDef, folder: Path, out: Path) -> None:
    """Write the package of ``version`` into ``out`` (replacing it), formatted by ruff."""
    with tempfile.TemporaryDirectory() as tmp:
        staging = Path(tmp) / version.package
        for relative, text in version_files(version, folder).items():
            target = staging / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")
        _ruff("check", "--fix-only", "--exit-zero", str(staging))
        _ruff("format", str(staging))
        if out.exists():
            shutil.rmtree(out)
        shutil.copytree(staging, out)
