"""The studio server's API schema (OpenAPI), as the application generates it.

``python -m podyx_desktop.server.schema > docs/openapi.json`` refreshes the copy kept in
the repository; a test compares the two, so a change to the API is a deliberate one.
"""

from __future__ import annotations

import json
import sys
from typing import Any


def schema() -> dict[str, Any]:
    import tempfile
    from pathlib import Path

    from podyx_desktop.db.engine import Database
    from podyx_desktop.server.app import create_app
    from podyx_desktop.services import Services

    # never connected: the schema needs no database
    database = Database(f"sqlite:///{Path(tempfile.gettempdir()) / 'podyx-schema.sqlite3'}")
    try:
        generated: dict[str, Any] = create_app(Services(database)).openapi()
        return generated
    finally:
        database.dispose()


def main() -> int:
    sys.stdout.write(json.dumps(schema(), indent=2, sort_keys=True, ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
