package fr.cuf.rencontres.checkin;

import fr.cuf.rencontres.badge.BadgeToken;
import fr.cuf.rencontres.badge.BadgeTokens;
import fr.cuf.rencontres.registration.ParticipantType;
import fr.cuf.rencontres.support.DatabaseVendor;
import fr.cuf.rencontres.support.DomainException;
import fr.cuf.rencontres.support.Times;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.connection.ConnectionOperations;
import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
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
 * whether the nonce was seen before), the door's rules applied ({@link Admission}, the one place that decides an
 * outcome, "already checked in" included), then an admitted scan written by a {@link ScanWriter} only while the
 * facts still hold. A write that finds them changed (another scanner let the person in meanwhile) reads them again
 * and decides again; a nonce recorded before is answered with the stored scan, nothing written.
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
                // a clone of a ready instance: getInstance looks the provider up at every call
                MessageDigest sha256 = (MessageDigest) SHA_256.clone();
                return HexFormat.of().formatHex(sha256.digest(asked.getBytes(StandardCharsets.UTF_8)));
            } catch (CloneNotSupportedException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private static final MessageDigest SHA_256 = sha256();

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Reads of the facts for one scan: a second one follows a lost race, a third cannot be needed. */
    private static final int READS = 3;

    private final ScanRepository sql;
    private final ScanWriter writer;
    private final ScanFactsRepository factsQuery;
    private final BadgeTokens tokens;
    private final Admission admission;
    private final Clock clock;
    private final TransactionOperations<Connection> tx;
    private final ConnectionOperations<Connection> connections;

    /**
     * On PostgreSQL an admitted scan is written by one statement ({@link ScanWrites}), so the scan runs on one
     * connection without a transaction (autocommit): the facts read, then the write. Elsewhere the writer locks and
     * writes statement by statement ({@link LockingScanWrites}): one transaction.
     */
    @Inject
    ScanDesk(ScanRepository sql, ScanWrites oneStatement, LockingScanWrites locking, ScanFactsRepository factsQuery,
             BadgeTokens tokens, Admission admission, Clock clock, TransactionOperations<Connection> tx,
             ConnectionOperations<Connection> connections, DatabaseVendor database) {
        this(sql, database.postgres() ? oneStatement : locking, factsQuery, tokens, admission, clock, tx, connections);
    }

    /** A desk with the given writer: tests run the locking one on PostgreSQL too. */
    ScanDesk(ScanRepository sql, ScanWriter writer, ScanFactsRepository factsQuery, BadgeTokens tokens,
             Admission admission, Clock clock, TransactionOperations<Connection> tx,
             ConnectionOperations<Connection> connections) {
        this.sql = sql;
        this.writer = writer;
        this.factsQuery = factsQuery;
        this.tokens = tokens;
        this.admission = admission;
        this.clock = clock;
        this.tx = tx;
        this.connections = connections;
    }

    /** The answer to a scan: a new one, or the stored answer to its nonce (replayed). */
    ScanResult record(ValidScan scan, String scanner) {
        Optional<ScanResult> recorded;
        try {
            recorded = writer.transactional()
                    ? tx.executeWrite(status -> {
                        Optional<ScanResult> result = decideAndRecord(scan, scanner);
                        if (result.isEmpty()) {
                            status.setRollbackOnly();
                        }
                        return result;
                    })
                    : connections.executeWrite(status -> decideAndRecord(scan, scanner));
        } catch (DataAccessException sameNonceAtOnce) {
            // two requests with one nonce at once, where the database refuses the second insert: the loser reads
            // the winner's answer
            return replay(scan).orElseThrow(() -> sameNonceAtOnce);
        }
        // a retry, or the same queue sent twice: the stored answer, counted once
        return recorded.or(() -> replay(scan)).orElseThrow();
    }

    /** The new answer, recorded; empty when the nonce was recorded before (nothing left written). */
    private Optional<ScanResult> decideAndRecord(ValidScan scan, String scanner) {
        Instant now = Times.micros(clock.instant());
        // a queued offline scan keeps its own time, but none can come from the future
        Instant at = scan.scannedAt() == null || scan.scannedAt().isAfter(now) ? now : Times.micros(scan.scannedAt());
        Long registrationId = scan.registrationId();
        Integer codeVersion = null;
        Long codeEvent = null;
        if (scan.code() != null) {
            Optional<BadgeToken> token = tokens.verify(scan.code());
            if (token.isEmpty()) {
                return save(scan, null, Admission.Decision.invalidCode(), at, now, scanner);
            }
            registrationId = token.get().registrationId();
            codeVersion = token.get().badgeVersion();
            codeEvent = token.get().eventId();
        }
        for (int read = 0; read < READS; read++) {
            Optional<ScanFacts> found = factsQuery.find(registrationId, scan.list().sessionId(), scan.list().key(),
                    scan.nonce());
            if (found.isPresent() && found.get().nonceSeen()) {
                return Optional.empty();
            }
            if (found.isEmpty() || (codeEvent != null && codeEvent != found.get().eventId())) {
                return save(scan, null, Admission.Decision.invalidCode(), at, now, scanner);
            }
            ScanFacts facts = found.get();
            Admission.Decision decision = admission.decide(facts, codeVersion, scan.list(), scan.mode(),
                    scan.expectedEventSlug(), at);
            if (!decision.outcome().accepted()) {
                return save(scan, facts, decision, at, now, scanner);
            }
            ScanWriter.Admitted admitted = new ScanWriter.Admitted(scan.nonce(), decision.eventId(),
                    facts.registrationId(), scan.list().key(), decision.sessionId(), scan.mode(),
                    decision.firstCheckinAt(), at, now, scanner, scan.offline(), scan.digest());
            ScanWriter.Write written = scan.mode() == ScanMode.ENTRY ? writer.enter(admitted) : writer.leave(admitted);
            switch (written) {
                case RECORDED:
                    return Optional.of(result(scan, facts, decision, at));
                case NONCE_SEEN:
                    return Optional.empty();
                case STALE:
                    continue;
                default:
                    throw new IllegalStateException(written.name());
            }
        }
        throw new IllegalStateException("the facts of scan " + scan.nonce() + " changed at every read");
    }

    /**
     * Answers a nonce recorded before, if it was recorded for the same request: the same nonce with another code,
     * person, list or direction is a scanner's bug (or a replay), refused with {@code nonce_reused}.
     */
    private Optional<ScanResult> replay(ValidScan scan) {
        String nonce = scan.nonce();
        Optional<ScanRepository.Stored> found = sql.findByNonce(nonce);
        if (found.isPresent() && found.get().requestDigest() != null
                && !found.get().requestDigest().equals(scan.digest())) {
            throw DomainException.conflict("nonce", "nonce_reused");
        }
        return found.map(stored -> new ScanResult(Outcome.ofCode(stored.outcome()), nonce,
                ScanMode.valueOf(stored.direction()), stored.registrationId(), stored.firstName(), stored.lastName(),
                stored.participantType() == null ? null : ParticipantType.valueOf(stored.participantType()),
                stored.firstCheckinAt(), stored.scannedAt(), true));
    }

    /** Records a refused scan (nothing else changes); empty when its nonce was recorded before. */
    private Optional<ScanResult> save(ValidScan scan, @Nullable ScanFacts facts, Admission.Decision decision,
                                      Instant at, Instant now, String scanner) {
        int inserted = sql.insertScan(scan.nonce(), decision.eventId(), facts == null ? null : facts.registrationId(),
                scan.list().key(), decision.sessionId(), scan.mode().name(), decision.outcome().code(),
                decision.firstCheckinAt(), at, now, scanner, scan.offline(), scan.digest());
        return inserted == 0 ? Optional.empty() : Optional.of(result(scan, facts, decision, at));
    }

    private static ScanResult result(ValidScan scan, @Nullable ScanFacts facts, Admission.Decision decision,
                                     Instant at) {
        if (facts == null) {
            return new ScanResult(decision.outcome(), scan.nonce(), scan.mode(), null, null, null, null, null, at,
                    false);
        }
        return new ScanResult(decision.outcome(), scan.nonce(), scan.mode(), facts.registrationId(),
                facts.firstName(), facts.lastName(), ParticipantType.valueOf(facts.participantType()),
                decision.firstCheckinAt(), at, false);
    }
}
