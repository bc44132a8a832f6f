"""The house reads top-down: no module imports itself back through others, every module
of the package falls under an import contract, and no module grows past 600 lines."""

from __future__ import annotations

import tomllib
from pathlib import Path

import grimp

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = "podyx_desktop"
MAX_LINES = 600


def _graph() -> grimp.ImportGraph:
    return grimp.build_graph(PACKAGE, include_external_packages=False, cache_dir=None)


def test_no_module_imports_itself_back() -> None:
    graph = _graph()
    cycles = sorted(
        (module, imported)
        for module in graph.modules
        for imported in graph.find_modules_directly_imported_by(module)
        if imported != module
        and graph.chain_exists(importer=imported, imported=module, as_packages=False)
    )
    assert cycles == []


def _named_by_contracts() -> set[str]:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    named: set[str] = set()
    for contract in config["tool"]["importlinter"]["contracts"]:
        if contract["type"] == "acyclic_siblings":
            continue  # says nothing about where a module stands
        for layer in contract.get("layers", []):
            named.update(part.strip() for part in layer.split("|"))
        named.update(contract.get("source_modules", []))
        named.update(contract.get("modules", []))
    return {name for name in named if name.startswith(PACKAGE)}


def test_every_module_is_covered_by_a_contract() -> None:
    named = _named_by_contracts()
    packages_only = {PACKAGE, f"{PACKAGE}.gui"}  # their __init__ holds no code
    uncovered = [
        module
        for module in sorted(_graph().modules)
        if module not in packages_only
        and not any(module == name or module.startswith(name + ".") for name in named)
    ]
    assert uncovered == []


def test_no_module_is_longer_than_600_lines() -> None:
    long = {
        str(path.relative_to(ROOT)): count
        for path in (ROOT / PACKAGE).rglob("*.py")
        if "migrations" not in path.parts
        and (count := len(path.read_text(encoding="utf-8").splitlines())) > MAX_LINES
    }
    assert long == {}
