package fr.cuf.rencontres.checkin;

import fr.cuf.rencontres.badge.BadgeTokens;
import fr.cuf.rencontres.support.DatabaseTest;
import io.micronaut.context.annotation.Property;
import io.micronaut.data.connection.ConnectionOperations;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;

import java.sql.Connection;
import java.time.Clock;

/**
 * Every check-in behaviour again, with the scan desk's portable writer ({@link LockingScanWrites}: lock, then one
 * statement at a time, in a transaction) whatever the database: on the PostgreSQL pass the service itself uses the
 * one-statement writer ({@link ScanWrites}), so both branches of the fork run on PostgreSQL, the portable one on H2.
 */
@DatabaseTest
@Property(name = "rencontres.clock.fixed", value = "2026-07-08T09:12:00+02:00")
class LockingScanPathTest extends CheckinServiceTest {

    @Inject ScanRepository sql;
    @Inject LockingScanWrites locking;
    @Inject ScanFactsRepository facts;
    @Inject BadgeTokens tokens;
    @Inject Admission admission;
    @Inject Clock clock;
    @Inject TransactionOperations<Connection> tx;
    @Inject ConnectionOperations<Connection> connections;
    @Inject CheckinRepository registrations;
    @Inject ScanUndo undo;

    @BeforeEach
    void withTheLockingWriter() {
        checkins = new CheckinService(new ScanDesk(sql, locking, facts, tokens, admission, clock, tx, connections),
                registrations, undo);
    }
}
