"""``podyx-admin``, the command line for IT and support: :mod:`.admin` parses the command
line and dispatches to the subcommands (:mod:`.backup`, :mod:`.export`, :mod:`.selftest`;
the shared helpers are in :mod:`.common`). No Qt here."""
