"""Migration 0006 on a database with data: the client totals are backfilled (counters,
active bundles, last visit, search keys) and the triggers keep them afterwards, on both
engines."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from alembic import command

from podyx_desktop.db.engine import Database, sqlite_url
from podyx_desktop.db.migrate import alembic_config, schema_state, upgrade_to_head
from podyx_desktop.domain.enums import PaymentMethod, RefundTo
from podyx_desktop.domain.paging import ClientSort, PageRequest
from podyx_desktop.domain.principal import Principal
from podyx_desktop.services import Services
from tests.conftest import FAST_HASHER, FakeClock
from tests.factories import build_studio
from tests.pg_databases import create_database, drop_database, unique_database_name


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def at_head(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Database]:
    """An empty database at the newest schema: the services (whose tables are the newest)
    write the test's data there, then it is taken back to 0005, before the client totals."""
    if request.param == "sqlite":
        db = Database(sqlite_url(tmp_path / "old.sqlite3"))
        name = admin = None
    else:
        admin = request.getfixturevalue("postgres_admin_url")
        name = unique_database_name("podyx_0006")
        db = Database(create_database(admin, name))
    upgrade_to_head(db, backup_dir=tmp_path / "backups")
    yield db
    db.dispose()
    if admin is not None and name is not None:
        drop_database(admin, name)


def downgrade_to_0005(db: Database) -> None:
    config = alembic_config()
    with db.engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, "0005")
    assert schema_state(db).revision == "0005"


def test_upgrade_backfills_the_client_totals(at_head: Database, tmp_path: Path) -> None:
    at_0005 = at_head
    clock = FakeClock()
    services = Services(at_0005, clock=clock, hasher=FAST_HASHER)
    studio = build_studio(services)
    ana = studio.client("Élodie Müller", "elodie@example.com")
    ben = studio.client("Ben Client", "ben@example.com")
    today = clock.now.date()
    paid = studio.book(ana, studio.at(today + timedelta(days=1), 10))
    refunded = studio.book(ana, studio.at(today + timedelta(days=2), 10))
    studio.book(ana, studio.at(today + timedelta(days=3), 10))  # awaiting payment
    canceled = studio.book(ben, studio.at(today + timedelta(days=4), 10))
    for booked in (paid, refunded):
        assert booked.purchase is not None
        services.purchases.record_payment(studio.owner, booked.purchase.id, PaymentMethod.CASH)
    assert refunded.purchase is not None
    services.purchases.refund(studio.owner, refunded.purchase.id, RefundTo.STORE_CREDIT, "x")
    services.bookings.cancel(ben.principal, canceled.booking.id, reason="ill")
    services.bundles.issue(studio.owner, ben.account.id, studio.bundle_product, "gift")
    clock.advance(days=2, hours=12)  # two of Élodie's sessions have begun

    downgrade_to_0005(at_0005)  # the totals' tables, triggers and indexes gone
    upgrade_to_head(at_0005, backup_dir=tmp_path / "backups")
    assert schema_state(at_0005).is_current
    assert services.totals.check(Principal.system()).differences == ()
    page = services.clients.client_page(studio.desk, PageRequest(ClientSort.NAME, search="élo"))
    [row] = page.rows
    assert paid.purchase is not None
    assert (row.full_name, row.total_spent_minor, row.purchases, row.bookings) == (
        "Élodie Müller",
        paid.purchase.gross_minor,  # the refund and its credit note net to zero
        3,
        3,
    )
    assert row.last_visit == refunded.booking.starts_at
    [ben_row] = services.clients.list_clients(studio.desk, "ben client")
    assert (ben_row.bookings, ben_row.purchases, ben_row.active_bundles) == (0, 0, 1)
    # and the triggers keep them from now on
    later = studio.book(ben, studio.at(today + timedelta(days=5), 10))
    assert later.purchase is not None
    services.purchases.record_payment(studio.owner, later.purchase.id, PaymentMethod.CASH)
    [ben_row] = services.clients.list_clients(studio.desk, "ben client")
    assert (ben_row.bookings, ben_row.total_spent_minor) == (1, later.purchase.gross_minor)
    assert services.totals.check(Principal.system()).differences == ()


def test_the_migrated_schema_is_the_tables(database: Database) -> None:
    """Migrations and ``db/tables.py`` describe the same schema (alembic's comparison; the
    FTS5 table and the PostgreSQL-only index are left out by ``migrate.compared``)."""
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    from podyx_desktop.db.migrate import compared
    from podyx_desktop.db.tables import Base

    with database.engine.connect() as connection:
        context = MigrationContext.configure(
            connection,
            opts={"compare_type": True, "include_object": compared(connection.dialect.name)},
        )
        assert compare_metadata(context, Base.metadata) == []


@pytest.mark.postgres
def test_without_pg_trgm_the_upgrade_says_what_it_needs(postgres_admin_url: str) -> None:
    """A database user that may not create extensions: 0006 stops with a sentence for IT."""
    import psycopg
    from sqlalchemy.engine import make_url

    from podyx_desktop.domain.errors import DatabaseProblem

    name = unique_database_name("podyx_notrgm")
    url = create_database(postgres_admin_url, name)  # btree_gist in it, as IT would set up
    admin = make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)
    with psycopg.connect(admin, autocommit=True) as connection:
        connection.execute("DROP ROLE IF EXISTS podyx_limited")
        connection.execute("CREATE ROLE podyx_limited LOGIN")
        connection.execute(f'REVOKE CREATE ON DATABASE "{name}" FROM PUBLIC')
        connection.execute("GRANT ALL ON SCHEMA public TO podyx_limited")
    limited = Database(make_url(url).set(username="podyx_limited").render_as_string(False))
    try:
        with pytest.raises(DatabaseProblem, match="pg_trgm") as refused:
            upgrade_to_head(limited)
        assert "CREATE EXTENSION pg_trgm" in refused.value.message
        assert "contrib" in refused.value.message, refused.value.message
    finally:
        limited.dispose()
        drop_database(postgres_admin_url, name)
        with psycopg.connect(
            make_url(postgres_admin_url).set(drivername="postgresql").render_as_string(False),
            autocommit=True,
        ) as connection:
            connection.execute("DROP ROLE IF EXISTS podyx_limited")
