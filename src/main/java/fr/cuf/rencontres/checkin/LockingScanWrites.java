package fr.cuf.rencontres.checkin;

import jakarta.inject.Singleton;

/**
 * The portable writer (H2, and PostgreSQL in tests): the registration row is locked, then the presence and the scan
 * are written one statement at a time, in the scan's transaction. H2 has no {@code ON CONFLICT … DO UPDATE} nor
 * data-modifying {@code WITH}; on PostgreSQL {@link ScanWrites} does the same in one statement.
 */
@Singleton
final class LockingScanWrites implements ScanWriter {

    private final ScanRepository sql;

    LockingScanWrites(ScanRepository sql) {
        this.sql = sql;
    }

    @Override
    public Write enter(Admitted scan) {
        sql.lock(scan.registrationId());
        boolean entered = sql.reenter(scan.registrationId(), scan.listKey(), scan.scannedAt()) == 1
                || sql.enterFirst(scan.registrationId(), scan.listKey(), scan.scannedAt()) == 1;
        return entered ? record(scan) : Write.STALE;
    }

    @Override
    public Write leave(Admitted scan) {
        sql.leave(scan.registrationId(), scan.listKey(), scan.scannedAt());
        return record(scan);
    }

    @Override
    public boolean transactional() {
        return true;
    }

    private Write record(Admitted scan) {
        int inserted = sql.insertScan(scan.nonce(), scan.eventId(), scan.registrationId(), scan.listKey(),
                scan.sessionId(), scan.mode().name(), Outcome.OK.code(), scan.firstCheckinAt(), scan.scannedAt(),
                scan.recordedAt(), scan.scanner(), scan.offline(), scan.digest());
        return inserted == 1 ? Write.RECORDED : Write.NONCE_SEEN;
    }
}
