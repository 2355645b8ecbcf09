package fr.cuf.rencontres.checkin;

import fr.cuf.rencontres.badge.BadgeToken;
import fr.cuf.rencontres.badge.BadgeTokens;
import fr.cuf.rencontres.registration.ParticipantType;
import fr.cuf.rencontres.support.Times;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Records one scan in one transaction and few round trips: the code is verified (in memory), the facts
 * read in one query, the door's rules applied, the presence written (an upsert on its primary key
 * settles two scanners at once without locking the registration, on PostgreSQL), and the scan
 * inserted. The insert is the nonce check: a nonce recorded before inserts nothing, the transaction
 * is rolled back and the stored answer given instead.
 */
@Singleton
class ScanDesk {

    /** A scan whose fields are valid (see {@link CheckinService}). */
    record ValidScan(@Nullable String code, @Nullable Long registrationId, CheckinList list, ScanMode mode,
                     String nonce, @Nullable String expectedEventSlug, @Nullable Instant scannedAt, boolean offline) {
    }

    /** The nonce was recorded before (a retry, a queue sent twice): roll back and answer the stored scan. */
    static final class NonceSeen extends RuntimeException {
        NonceSeen() {
            super(null, null, false, false);
        }
    }

    private final ScanStatements sql;
    private final BadgeTokens tokens;
    private final Admission admission;
    private final Clock clock;
    private final boolean postgres;

    ScanDesk(ScanStatements sql, BadgeTokens tokens, Admission admission, Clock clock,
             @Value("${datasources.default.url}") String url) {
        this.sql = sql;
        this.tokens = tokens;
        this.admission = admission;
        this.clock = clock;
        this.postgres = url.startsWith("jdbc:postgresql:");
    }

    @Transactional
    ScanResult record(ValidScan scan, String scanner) {
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
        Optional<ScanFacts> found = sql.facts(registrationId, scan.list().sessionId(), scan.list().key());
        if (found.isEmpty() || (codeEvent != null && codeEvent != found.get().eventId())) {
            return save(scan, null, null, Outcome.INVALID_CODE, null, null, at, now, scanner);
        }
        ScanFacts facts = found.get();
        Admission.Decision decision = admission.decide(facts, codeVersion, scan.list(), scan.mode(),
                scan.expectedEventSlug(), at);
        Outcome outcome = decision.outcome();
        Instant first = decision.firstCheckinAt();
        if (outcome == Outcome.OK && scan.mode() == ScanMode.ENTRY && !enter(facts.registrationId(), scan.list(), at)) {
            // another scanner let this person in since the facts were read
            outcome = Outcome.ALREADY_CHECKED_IN;
            first = sql.firstEntry(facts.registrationId(), scan.list().key()).orElse(first);
        } else if (outcome == Outcome.OK && scan.mode() == ScanMode.EXIT) {
            sql.leave(facts.registrationId(), scan.list().key());
        }
        return save(scan, facts, decision.eventId(), outcome, decision.sessionId(), first, at, now, scanner);
    }

    /** Answers a nonce recorded before. */
    @Transactional
    Optional<ScanResult> replay(String nonce) {
        return sql.findByNonce(nonce).map(stored -> new ScanResult(Outcome.ofCode(stored.outcome()), nonce,
                ScanMode.valueOf(stored.direction()), stored.registrationId(), stored.firstName(), stored.lastName(),
                stored.participantType() == null ? null : ParticipantType.valueOf(stored.participantType()),
                stored.firstCheckinAt(), stored.scannedAt(), true));
    }

    /** Turns the person inside the list; false when already inside. */
    private boolean enter(long registrationId, CheckinList list, Instant at) {
        if (postgres) {
            return sql.enterUpsert(registrationId, list.key(), at) == 1;
        }
        sql.lock(registrationId);
        return sql.reenter(registrationId, list.key(), at) == 1 || sql.enterFirst(registrationId, list.key(), at) == 1;
    }

    private ScanResult save(ValidScan scan, @Nullable ScanFacts facts, @Nullable Long eventId, Outcome outcome,
                            @Nullable Long sessionId, @Nullable Instant firstCheckinAt, Instant at, Instant now,
                            String scanner) {
        Long registrationId = facts == null ? null : facts.registrationId();
        int inserted = sql.insertScan(scan.nonce(), eventId, registrationId, scan.list().key(), sessionId,
                scan.mode().name(), outcome.code(), firstCheckinAt, at, now, scanner, scan.offline());
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
