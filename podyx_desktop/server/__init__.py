"""``podyx-server``: the studio server for clients at home.

A FastAPI application (:mod:`.app`) served by uvicorn (:mod:`.cli`) over the studio's
database. It runs the same named requests as the window (:mod:`podyx_desktop.operations`)
through the same services and principal checks (:mod:`.ops`), hands each client an
incremental copy of their own records (:mod:`podyx_desktop.services.client_copy`) and
streams the changes each client may see (:mod:`.feed`). No Qt here; no state of its own
between requests, so several processes can serve one PostgreSQL database.
"""
