"""Files shipped inside the package — the PDF fonts, the stylesheet, the icon — found with
:mod:`importlib.resources`, so an installed wheel or a frozen bundle finds them where the
repository does."""

from __future__ import annotations

import atexit
from contextlib import ExitStack
from functools import cache
from importlib.resources import as_file, files
from pathlib import Path

_extracted = ExitStack()  # files an archive had to unpack stay until the process ends
atexit.register(_extracted.close)


@cache
def path(*parts: str) -> Path:
    """The file system path of a shipped resource, e.g. ``path("fonts", "DejaVuSans.ttf")``.

    On a normal install the resource already is a file; from an archive (a zipped
    package) it is unpacked once, for the life of the process.
    """
    resource = files(__name__).joinpath(*parts)
    if isinstance(resource, Path):
        return resource
    return _extracted.enter_context(as_file(resource))
