"""A client at home: the window's operations through the studio server (:mod:`.backend`),
its API client (:mod:`.api`), and the local copy of the client's own records
(:mod:`.local_copy`), synced by cursor and readable offline. No widgets here."""
