"""The bundle's one entry script: ``podyx-admin`` (the command line) when started under
that name, else ``podyx-desktop`` (the window). On Linux the bundle holds one program and
``podyx-admin`` is a link to it, so the 16 MB archive of Python code is there once; on
Windows they are two programs (a console one and a windowed one) over the same files."""

import os
import sys

if os.path.basename(sys.argv[0]).lower().startswith("podyx-admin"):
    from podyx_desktop.cli.admin import main
else:
    from podyx_desktop.gui.app import main

sys.exit(main())
