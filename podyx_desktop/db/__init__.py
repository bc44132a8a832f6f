"""The database: SQLAlchemy 2 ORM tables, the engine factory, migrations and change feed.

The same code serves an embedded SQLite file and a shared PostgreSQL server. ORM objects
never leave this package and the services that use it; Qt never enters it.
"""
