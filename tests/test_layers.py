"""The architecture, checked: the core imports no Django, and the apps depend one way.

    common, drafting  <-  organisations  <-  clauses  <-  ordinances  <-  exports  <-  api
    <-  config

A module may import from its own package and from packages to its left, never
to its right, so no package imports another that imports it back. Imports
inside functions count too. (Migrations are history and are not checked.)
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
LAYERS = [
    "common",
    "drafting",
    "organisations",
    "clauses",
    "ordinances",
    "exports",
    "api",
    "config",
]
RANK = {name: rank for rank, name in enumerate(LAYERS)}
# `common` and `drafting` sit side by side at the bottom: neither imports the other.
PEERS = {("common", "drafting"), ("drafting", "common")}


def _modules(package: str) -> list[Path]:
    return sorted(path for path in (ROOT / package).rglob("*.py") if "migrations" not in path.parts)


def _imported_packages(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    return names


def _back_edges() -> list[str]:
    edges = []
    for package in LAYERS:
        for path in _modules(package):
            for imported in _imported_packages(path) & set(RANK):
                if imported == package:
                    continue
                if RANK[imported] > RANK[package] or (package, imported) in PEERS:
                    edges.append(f"{path.relative_to(ROOT)} imports {imported}")
    return edges


def test_apps_import_one_way():
    assert _back_edges() == []


def test_core_names_no_django_anywhere():
    offenders = [
        str(path.relative_to(ROOT))
        for path in _modules("drafting")
        if "django" in _imported_packages(path)
    ]
    assert offenders == []


def _core_module_names() -> list[str]:
    names = []
    for path in _modules("drafting"):
        parts = path.relative_to(ROOT).with_suffix("").parts
        names.append(".".join(parts[:-1] if parts[-1] == "__init__" else parts))
    return names


@pytest.mark.unit
def test_core_modules_load_no_django_in_a_fresh_interpreter():
    """Every core module imported together, in a new interpreter: no Django, no app loaded."""
    script = (
        "import importlib, sys\n"
        f"for name in {_core_module_names()!r}:\n"
        "    importlib.import_module(name)\n"
        f"apps = {LAYERS[2:] + ['django']!r}\n"
        "print(sorted({m.split('.')[0] for m in sys.modules} & set(apps)))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"


def test_the_layer_check_sees_a_back_edge(tmp_path, monkeypatch):
    """The check itself can fail: a clauses module importing ordinances is reported."""
    fake = tmp_path / "clauses"
    fake.mkdir()
    (fake / "bad.py").write_text("def f():\n    from ordinances.models import Draft\n")
    monkeypatch.setattr(sys.modules[__name__], "ROOT", tmp_path)
    for package in LAYERS:
        (tmp_path / package).mkdir(exist_ok=True)
    assert _back_edges() == ["clauses/bad.py imports ordinances"]
