"""Files shipped inside the package — the PDF fonts, the stylesheet, the icon, the
translations — next to this module in a wheel, a frozen bundle or the repository, and
found with :mod:`importlib.resources` when the package is zipped."""

from __future__ import annotations

from functools import cache
from pathlib import Path

_HERE = Path(__file__).parent


@cache
def path(*parts: str) -> Path:
    """The file system path of a shipped resource, e.g. ``path("fonts", "DejaVuSans.ttf")``.

    On a normal install the resource already is a file here (found without importing
    :mod:`importlib.resources`, which costs the start-up a few milliseconds); from an
    archive (a zipped package) it is unpacked once, for the life of the process.
    """
    if _HERE.is_dir():
        return _HERE.joinpath(*parts)
    return _unpacked(parts)


def _unpacked(parts: tuple[str, ...]) -> Path:
    import atexit
    from contextlib import ExitStack
    from importlib.resources import as_file, files

    resource = files(__name__).joinpath(*parts)
    if isinstance(resource, Path):
        return resource
    extracted = ExitStack()  # what the archive had to unpack stays until the process ends
    atexit.register(extracted.close)
    return extracted.enter_context(as_file(resource))
