"""The client files of a version package, from its ``interfaces.json``.

One module per OCPI module under ``clients/``, holding a sync and an async class per interface
role, both rendered from the same template block (only ``async``/``await`` differ).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import attrs
import jinja2

from codegen.reader import ClientDef, OperationDef, Param, VersionDef, _Reader, read_clients

BUILTIN_TYPES = {"str", "int", "bool", "datetime", "Decimal", "Any"}


@attrs.frozen
class Signature:
    """How one operation reads as a Python method."""

    params: str  # the parameter list after ``self``
    call_args: str  # keyword arguments passed to ``_call``/``_items``
    query: str  # the query mapping literal
    returns: str  # the (sync) return annotation of the item(s) / data
    cls: str  # the model class passed to the core
    caller: str  # the base-class method that runs it: _call, _call_many or _call_ack


def _annotation(param: Param) -> str:
    return param.annotation if param.required else f"{param.annotation} | None"


def signature(op: OperationDef) -> Signature:
    positional = [f"{p.name}: {p.annotation}" for p in op.path_params]
    keyword: list[str] = []
    call: list[str] = []
    if op.path_params:
        args = ", ".join(f'"{p.name}": {p.name}' for p in op.path_params)
        call.append(f"path_args={{{args}}}")
    if op.target != "endpoint":
        keyword.append(f"{op.target}: str | None = None")
        call.append(f"target={op.target}")
    if op.body_object:
        kind = "Mapping[str, Any]" if op.body_partial else op.body_object
        if op.body_required:
            positional.append(f"body: {kind}")
        else:
            keyword.append(f"body: {kind} | None = None")
        call.append("body=body")
    required = [q for q in op.query_params if q.required]
    optional = [q for q in op.query_params if not q.required]
    keyword += [f"{q.name}: {_annotation(q)}" for q in required]
    keyword += [f"{q.name}: {_annotation(q)} = None" for q in optional]
    query = "{" + ", ".join(f'"{q.name}": {q.name}' for q in op.query_params) + "}"
    if op.query_params and not op.paginated:
        call.append(f"query={query}")
    params = ", ".join(positional + (["*", *keyword] if keyword else []))
    if op.response_object:
        item = op.response_object
        many = op.response_list and not op.paginated
        returns = f"builtins.list[{item}]" if many else item
        cls, caller = item, "_call_many" if many else "_call"
        args = [cls, *call]
    else:
        returns, cls, caller = "Ack", "", "_call_ack"
        args = call
    return Signature(params, ", ".join(args), query, returns, cls, caller)


def _names(client: ClientDef) -> set[str]:
    names: set[str] = set()
    for op in client.operations:
        for name in (op.body_object, op.response_object):
            if name:
                names.add(name)
        for param in (*op.path_params, *op.query_params):
            if param.annotation not in BUILTIN_TYPES:
                names.add(param.annotation)
    return names


def client_files(env: jinja2.Environment, version: VersionDef, folder: Path) -> dict[str, str]:
    """``clients/<module>.py`` for every module, and ``clients/__init__.py``."""
    spec = read_clients(folder)
    reader = _Reader(folder)
    files: dict[str, str] = {}
    exported: dict[str, list[str]] = {}
    for module in spec.modules():
        clients = [c for c in spec.clients if c.module == module]
        names = set().union(*(_names(c) for c in clients))
        imports: dict[str, list[str]] = {}
        for name in sorted(names):
            imports.setdefault(Path(reader.owner[name]).stem, []).append(name)
        operations = [op for c in clients for op in c.operations]
        text_of_types = " ".join(
            p.annotation for op in operations for p in (*op.path_params, *op.query_params)
        )
        needs: dict[str, Any] = {
            "datetime": "datetime" in text_of_types,
            "mapping": any(op.body_partial for op in operations),
            "builtins": any(op.response_list and not op.paginated for op in operations),
            "iterator": any(op.paginated for op in operations),
            "page": any(op.paginated for op in operations),
            "ack": any(op.response_object is None for op in operations),
        }
        files[f"clients/{module}.py"] = env.get_template("clients.py.jinja").render(
            version=version,
            module=module,
            clients=clients,
            imports=sorted(imports.items()),
            needs=needs,
            signature=signature,
        )
        exported[module] = sorted(
            name for c in clients for name in (c.class_name, "Async" + c.class_name)
        )
    files["clients/__init__.py"] = env.get_template("clients_init.py.jinja").render(
        version=version, spec=spec, exported=exported
    )
    return files
