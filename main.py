"""Start Podyx Desktop from a source checkout: ``python main.py [--database URL]``."""

from __future__ import annotations

import sys

from podyx_desktop.gui.start import main

if __name__ == "__main__":
    sys.exit(main())
