"""``python -m podyx_desktop``: the desktop window, as ``podyx-desktop`` starts it."""

from __future__ import annotations

import sys

from podyx_desktop.gui.start import main

sys.exit(main())
