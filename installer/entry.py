"""The bundle's one entry script, dispatching on the name it was started by:
``podyx-admin`` (the command line), ``podyx-server`` (the studio server), else
``podyx-desktop`` (the window). On Linux the bundle holds one program and
``podyx-admin`` and ``podyx-server`` are links to it, so the archive of Python code is
there once; on Windows they are three programs (two console ones and a windowed one)
over the same files. Started as ``podyx-bundle-check`` (smoke.sh makes such a link) it
checks what the bundle trims (bundle_check.py).

``podyx-server --workers N`` makes uvicorn start N processes with multiprocessing's
"spawn": each runs this same program with multiprocessing's own arguments, and
``freeze_support()`` must take those over before anything else runs (it returns at once
in the first process)."""

import multiprocessing
import os
import sys

multiprocessing.freeze_support()

name = os.path.basename(sys.argv[0]).lower()
if name.startswith("podyx-admin"):
    from podyx_desktop.cli.admin import main
elif name.startswith("podyx-server"):
    from podyx_desktop.server.cli import main
elif name.startswith("podyx-bundle-check"):  # installer/smoke.sh: what the bundle trims still works
    from bundle_check import main
else:
    from podyx_desktop.gui.start import main

sys.exit(main())
