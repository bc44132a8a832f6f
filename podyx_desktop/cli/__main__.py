"""``python -m podyx_desktop.cli``: the same program as ``podyx-admin``."""

from __future__ import annotations

import sys

from podyx_desktop.cli.admin import main

sys.exit(main())
