"""Qt item models (model/view) over DTO rows; ORM classes live in podyx_desktop/db.

Each model holds frozen records from the services (never ORM objects, never a session)
and is filled on the GUI thread with ``set_rows`` after a task returns.
"""
