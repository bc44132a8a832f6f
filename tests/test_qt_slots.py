"""Every method of ours connected to a Qt signal is declared a slot (``@Slot``).

PySide6 gives a widget that is connected to an undeclared method a meta-object of its
own, made anew at each such connection; the next time the widget's layout is activated,
Qt sees a meta-object it has not polished and polishes the widget again: the style sheet
sets its palette and font, every widget inside it is told, and all of it repaints. The
main window was repainted whole that way when a tab built later connected one of the
window's methods (bench/gui_lag.py). After each GUI test, ``tests/gui/conftest.py``
checks the widgets at run time, which also catches a slot whose types do not match its
signal's.
"""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SCANNED = ("views", "gui")


def _is_slot(decorator: ast.expr) -> bool:
    target = decorator.func if isinstance(decorator, ast.Call) else decorator
    name = target.attr if isinstance(target, ast.Attribute) else getattr(target, "id", "")
    return name in {"Slot", "QtSlot"}


Classes = dict[str, tuple[ast.ClassDef, Path]]


def _classes() -> Classes:
    found: Classes = {}
    for folder in SCANNED:
        for path in sorted((ROOT / "podyx_desktop" / folder).rglob("*.py")):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if isinstance(node, ast.ClassDef):
                    found.setdefault(node.name, (node, path))
    return found


def _lineage(name: str, classes: Classes) -> list[ast.ClassDef]:
    """Class ``name`` and its bases defined in the package, bases first."""
    if name not in classes:
        return []
    node, _path = classes[name]
    lineage: list[ast.ClassDef] = []
    for base in node.bases:
        base_name = base.attr if isinstance(base, ast.Attribute) else getattr(base, "id", "")
        lineage += _lineage(base_name, classes)
    return [*lineage, node]


def _methods(lineage: list[ast.ClassDef]) -> dict[str, ast.FunctionDef]:
    """The methods an instance has: a subclass's override wins."""
    return {f.name: f for node in lineage for f in node.body if isinstance(f, ast.FunctionDef)}


def _connected_methods(lineage: list[ast.ClassDef]) -> set[str]:
    """Names ``X`` in ``….connect(self.X)`` within the class or its bases."""
    names: set[str] = set()
    for call in (call for node in lineage for call in ast.walk(node)):
        if (
            isinstance(call, ast.Call)
            and isinstance(call.func, ast.Attribute)
            and call.func.attr == "connect"
            and call.args
            and isinstance(call.args[0], ast.Attribute)
            and isinstance(call.args[0].value, ast.Name)
            and call.args[0].value.id == "self"
        ):
            names.add(call.args[0].attr)
    return names


def test_every_connected_method_is_a_slot() -> None:
    classes = _classes()
    undeclared = []
    for name, (_node, path) in classes.items():
        lineage = _lineage(name, classes)
        methods = _methods(lineage)
        for method in sorted(_connected_methods(lineage)):
            defined = methods.get(method)
            if defined is not None and not any(_is_slot(d) for d in defined.decorator_list):
                undeclared.append(f"{path.relative_to(ROOT)}: {name}.{method}")
    assert undeclared == []
