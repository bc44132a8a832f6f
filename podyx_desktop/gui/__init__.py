"""The desktop app's machinery around the windows: start-up (:mod:`.app`, :mod:`.launch`),
the task runner (:mod:`.tasks`), the change feed (:mod:`.changes`), the window's settings
(:mod:`.ui_settings`) and the remembered sign-in (:mod:`.session_store`)."""
