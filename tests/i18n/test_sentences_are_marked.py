"""Keeps the services' sentences translatable: below the views, an error meant for a user
(a :class:`~podyx_desktop.domain.errors.PodyxError`) is raised with a sentence marked by
``m()`` / ``mn()`` (:mod:`podyx_desktop.domain.message`), never an English literal or
f-string that the window could not translate."""

from __future__ import annotations

import ast
import importlib
import pkgutil
from collections.abc import Iterator
from pathlib import Path

import podyx_desktop
from podyx_desktop.domain.errors import PodyxError

ROOT = Path(podyx_desktop.__file__).parent
PACKAGES = ("services", "domain", "operations", "db", "sync")

# (module path, line text fragment) -> why an unmarked sentence is right there. Empty: none.
ALLOWED: dict[tuple[str, str], str] = {}


def error_names() -> set[str]:
    """Every PodyxError subclass defined anywhere in the packages scanned (and the base)."""
    for package in PACKAGES:
        for info in pkgutil.iter_modules([str(ROOT / package)]):
            importlib.import_module(f"podyx_desktop.{package}.{info.name}")
    names: set[str] = set()
    todo: list[type] = [PodyxError]
    while todo:
        cls = todo.pop()
        names.add(cls.__name__)
        todo.extend(cls.__subclasses__())
    return names


def _literal_text(node: ast.AST | None) -> bool:
    """A sentence written out in English: a str literal, an f-string, or one of them
    inside ``a or "…"``, ``"…" if c else "…"`` or ``"…" + x``."""
    if node is None:
        return False
    if isinstance(node, ast.JoinedStr):
        return True
    if isinstance(node, ast.Constant):
        return isinstance(node.value, str)
    if isinstance(node, ast.BoolOp):
        return any(_literal_text(v) for v in node.values)
    if isinstance(node, ast.IfExp):
        return _literal_text(node.body) or _literal_text(node.orelse)
    if isinstance(node, ast.BinOp):
        return _literal_text(node.left) or _literal_text(node.right)
    return False


def _callee(call: ast.Call) -> str | None:
    if isinstance(call.func, ast.Name):
        return call.func.id
    if isinstance(call.func, ast.Attribute):
        return call.func.attr
    return None


def unmarked(source: str, errors: set[str]) -> Iterator[tuple[int, str]]:
    """(line, code) of each ``raise E(<English literal>)`` and each error class whose
    ``message`` defaults to an English literal."""
    tree = ast.parse(source)
    for node in ast.walk(tree):
        if isinstance(node, ast.Raise) and isinstance(node.exc, ast.Call):
            call = node.exc
            if _callee(call) not in errors:
                continue
            said = call.args[0] if call.args else None
            said = said or next((k.value for k in call.keywords if k.arg == "message"), None)
            if _literal_text(said):
                yield node.lineno, ast.unparse(call)
        if isinstance(node, ast.ClassDef) and node.name in errors:
            for item in node.body:
                if isinstance(item, ast.FunctionDef) and item.name == "__init__":
                    defaults = item.args.defaults + [
                        d for d in item.args.kw_defaults if d is not None
                    ]
                    for default in defaults:
                        if _literal_text(default):
                            yield default.lineno, f"{node.name}.__init__ default"


def test_every_error_for_a_user_is_raised_with_a_marked_sentence() -> None:
    errors = error_names()
    assert {"InvalidInput", "RuleViolation", "FileDamaged", "TimeTaken"} <= errors
    found = []
    for package in PACKAGES:
        for path in sorted((ROOT / package).rglob("*.py")):
            module = str(path.relative_to(ROOT.parent))
            lines = path.read_text(encoding="utf-8").splitlines()
            for line, code in unmarked(path.read_text(encoding="utf-8"), errors):
                if any(m == module and f in lines[line - 1] for m, f in ALLOWED):
                    continue
                found.append(f"{module}:{line}: {code}")
    assert not found, (
        "Sentences for a user must be marked with m()/mn() so the window can translate "
        "them (docs/translations.md):\n" + "\n".join(found)
    )


def test_the_check_finds_english_literals_and_passes_marked_sentences() -> None:
    errors = {"InvalidInput", "Conflict"}
    source = """
raise InvalidInput("Give a name.")
raise InvalidInput(f"{n} is too long.", field="name")
raise Conflict(message=reason or "Taken.")
raise InvalidInput(m("Give a name."))
raise InvalidInput(mn("%n file(s) too many.", "", n))
raise InvalidInput(sentence)
raise ValueError("a bug, not for a user")

class Conflict(Exception):
    def __init__(self, message="Taken."):
        pass
"""
    assert [line for line, _ in unmarked(source, errors)] == [2, 3, 4, 11]
