"""The demo studio: its content (:mod:`.data`) and how it is loaded through the services
(:mod:`.load`). Importing this package is free: the GUI reads the demo's logins from
:mod:`.data` at start-up."""
