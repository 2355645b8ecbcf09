package fr.cuf.rencontres.checkin;

import fr.cuf.rencontres.badge.BadgeToken;
import fr.cuf.rencontres.badge.BadgeTokens;
import fr.cuf.rencontres.registration.ParticipantType;
import fr.cuf.rencontres.support.DatabaseVendor;
import fr.cuf.rencontres.support.DomainException;
import fr.cuf.rencontres.support.Times;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.connection.ConnectionOperations;
import io.micronaut.transaction.TransactionOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Records one scan in few round trips: the code is verified (in memory), the facts read in one query (with
 * whether the nonce was seen before: a retry is answered from the journal), the door's rules applied, then
 * on PostgreSQL the presence and the scan written by one statement (an upsert on the presence's primary key
 * settles two scanners at once without locking the registration). The scan's insert is also the nonce
 * check: a nonce recorded since the facts were read inserts nothing and the stored answer is given.
 */
@Singleton
class ScanDesk {

    /** A scan whose fields are valid (see {@link CheckinService}). */
    record ValidScan(@Nullable String code, @Nullable Long registrationId, CheckinList list, ScanMode mode,
                     String nonce, @Nullable String expectedEventSlug, @Nullable Instant scannedAt, boolean offline) {

        /** What this scan asks, stored with its nonce: the same nonce with another badge is not a retry. */
        String digest() {
            String asked = (code != null ? "code:" + code : "registration:" + registrationId) + "|" + list.key()
                    + "|" + mode.name();
            try {
                return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                        .digest(asked.getBytes(StandardCharsets.UTF_8)));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** The nonce was recorded before (a retry, a queue sent twice): roll back and answer the stored scan. */
    static final class NonceSeen extends RuntimeException {
        NonceSeen() {
            super(null, null, false, false);
        }
    }

    private final ScanStatements sql;
    private final ScanWrites writes;
    private final ScanFactsQuery factsQuery;
    private final BadgeTokens tokens;
    private final Admission admission;
    private final Clock clock;
    private final boolean postgres;
    private final TransactionOperations<Connection> tx;
    private final ConnectionOperations<Connection> connections;

    ScanDesk(ScanStatements sql, ScanWrites writes, ScanFactsQuery factsQuery, BadgeTokens tokens,
             Admission admission, Clock clock,
             TransactionOperations<Connection> tx, ConnectionOperations<Connection> connections,
             DatabaseVendor database) {
        this.tx = tx;
        this.connections = connections;
        this.sql = sql;
        this.writes = writes;
        this.factsQuery = factsQuery;
        this.tokens = tokens;
        this.admission = admission;
        this.clock = clock;
        this.postgres = database.postgres();
    }

    /**
     * On PostgreSQL every write of a scan is one statement, so the scan runs on one connection without a
     * transaction (autocommit): the facts read, then the write. On H2 the presence takes a lock and several
     * statements: one transaction.
     */
    ScanResult record(ValidScan scan, String scanner) {
        return postgres ? connections.executeWrite(status -> decideAndRecord(scan, scanner))
                : tx.executeWrite(status -> decideAndRecord(scan, scanner));
    }

    private ScanResult decideAndRecord(ValidScan scan, String scanner) {
        Instant now = Times.micros(clock.instant());
        // a queued offline scan keeps its own time, but none can come from the future
        Instant at = scan.scannedAt() == null || scan.scannedAt().isAfter(now) ? now : Times.micros(scan.scannedAt());
        Long registrationId = scan.registrationId();
        Integer codeVersion = null;
        Long codeEvent = null;
        if (scan.code() != null) {
            Optional<BadgeToken> token = tokens.verify(scan.code());
            if (token.isEmpty()) {
                return save(scan, null, null, Outcome.INVALID_CODE, null, null, at, now, scanner);
            }
            registrationId = token.get().registrationId();
            codeVersion = token.get().badgeVersion();
            codeEvent = token.get().eventId();
        }
        Optional<ScanFacts> found = factsQuery.find(registrationId, scan.list().sessionId(), scan.list().key(), scan.nonce());
        if (found.isPresent() && found.get().nonceSeen()) {
            throw new NonceSeen();
        }
        if (found.isEmpty() || (codeEvent != null && codeEvent != found.get().eventId())) {
            return save(scan, null, null, Outcome.INVALID_CODE, null, null, at, now, scanner);
        }
        ScanFacts facts = found.get();
        Admission.Decision decision = admission.decide(facts, codeVersion, scan.list(), scan.mode(),
                scan.expectedEventSlug(), at);
        Outcome outcome = decision.outcome();
        Instant first = decision.firstCheckinAt();
        if (outcome == Outcome.OK && postgres) {
            return scan.mode() == ScanMode.ENTRY ? enterAndSave(scan, facts, decision, at, now, scanner)
                    : leaveAndSave(scan, facts, decision, at, now, scanner);
        }
        if (outcome == Outcome.OK && scan.mode() == ScanMode.ENTRY && !enter(facts.registrationId(), scan.list(), at)) {
            // another scanner let this person in since the facts were read
            outcome = Outcome.ALREADY_CHECKED_IN;
            first = sql.firstEntry(facts.registrationId(), scan.list().key()).orElse(first);
        } else if (outcome == Outcome.OK && scan.mode() == ScanMode.EXIT) {
            sql.leave(facts.registrationId(), scan.list().key(), at);
        }
        return save(scan, facts, decision.eventId(), outcome, decision.sessionId(), first, at, now, scanner);
    }

    /**
     * Answers a nonce recorded before, if it was recorded for the same request: the same nonce with another code,
     * person, list or direction is a scanner's bug (or a replay), refused with {@code nonce_reused}.
     */
    @Transactional
    Optional<ScanResult> replay(ValidScan scan) {
        String nonce = scan.nonce();
        Optional<ScanStatements.Stored> found = sql.findByNonce(nonce);
        if (found.isPresent() && found.get().requestDigest() != null
                && !found.get().requestDigest().equals(scan.digest())) {
            throw DomainException.conflict("nonce", "nonce_reused");
        }
        return found.map(stored -> new ScanResult(Outcome.ofCode(stored.outcome()), nonce,
                ScanMode.valueOf(stored.direction()), stored.registrationId(), stored.firstName(), stored.lastName(),
                stored.participantType() == null ? null : ParticipantType.valueOf(stored.participantType()),
                stored.firstCheckinAt(), stored.scannedAt(), true));
    }

    /**
     * PostgreSQL: the presence and the scan of an entry in one statement. A scanner that let the person in since
     * the facts were read makes this one a duplicate.
     */
    private ScanResult enterAndSave(ValidScan scan, ScanFacts facts, Admission.Decision decision, Instant at,
                                    Instant now, String scanner) {
        String key = scan.list().key();
        ScanWrites.Entry entry = writes.enter(scan.nonce(), decision.eventId(), facts.registrationId(),
                key, decision.sessionId(), at, now, scanner, scan.offline(), scan.digest()).orElseThrow(NonceSeen::new);
        Outcome outcome = entry.outcome();
        Instant first = entry.firstCheckinAt();
        if (first == null) {
            first = sql.firstEntry(facts.registrationId(), key).orElse(null);
            if (first != null) {
                sql.setFirstCheckin(scan.nonce(), first);
            }
        }
        return new ScanResult(outcome, scan.nonce(), scan.mode(), facts.registrationId(), facts.firstName(),
                facts.lastName(), ParticipantType.valueOf(facts.participantType()), first, at, false);
    }

    /** PostgreSQL: the presence and the scan of an exit in one statement. */
    private ScanResult leaveAndSave(ValidScan scan, ScanFacts facts, Admission.Decision decision, Instant at,
                                    Instant now, String scanner) {
        if (!writes.leave(scan.nonce(), decision.eventId(), facts.registrationId(), scan.list().key(),
                decision.sessionId(), decision.firstCheckinAt(), at, now, scanner, scan.offline(), scan.digest())) {
            throw new NonceSeen();
        }
        return new ScanResult(Outcome.OK, scan.nonce(), scan.mode(), facts.registrationId(), facts.firstName(),
                facts.lastName(), ParticipantType.valueOf(facts.participantType()), decision.firstCheckinAt(), at, false);
    }

    /** H2: turns the person inside the list; false when already inside. */
    private boolean enter(long registrationId, CheckinList list, Instant at) {
        sql.lock(registrationId);
        return sql.reenter(registrationId, list.key(), at) == 1 || sql.enterFirst(registrationId, list.key(), at) == 1;
    }

    private ScanResult save(ValidScan scan, @Nullable ScanFacts facts, @Nullable Long eventId, Outcome outcome,
                            @Nullable Long sessionId, @Nullable Instant firstCheckinAt, Instant at, Instant now,
                            String scanner) {
        Long registrationId = facts == null ? null : facts.registrationId();
        int inserted = sql.insertScan(scan.nonce(), eventId, registrationId, scan.list().key(), sessionId,
                scan.mode().name(), outcome.code(), firstCheckinAt, at, now, scanner, scan.offline(), scan.digest());
        if (inserted == 0) {
            throw new NonceSeen();
        }
        if (facts == null) {
            return new ScanResult(outcome, scan.nonce(), scan.mode(), null, null, null, null, null, at, false);
        }
        return new ScanResult(outcome, scan.nonce(), scan.mode(), registrationId, facts.firstName(), facts.lastName(),
                ParticipantType.valueOf(facts.participantType()), firstCheckinAt, at, false);
    }
}
