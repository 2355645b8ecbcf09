package fr.cuf.rencontres.checkin;

import fr.cuf.rencontres.badge.BadgeToken;
import fr.cuf.rencontres.badge.BadgeTokens;
import fr.cuf.rencontres.member.Person;
import fr.cuf.rencontres.member.PersonRepository;
import fr.cuf.rencontres.registration.Registration;
import fr.cuf.rencontres.support.Times;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Records one scan in one transaction: a nonce seen before gives its stored answer; otherwise the
 * code is verified, the registration row locked, the door's rules applied, and the scan written.
 */
@Singleton
class ScanDesk {

    /** A scan whose fields are valid (see {@link CheckinService}). */
    record ValidScan(@Nullable String code, @Nullable Long registrationId, CheckinList list, ScanMode mode,
                     String nonce, @Nullable Long expectedEventId, @Nullable Instant scannedAt, boolean offline) {
    }

    private final ScanLog scans;
    private final CheckinQueries registrations;
    private final PersonRepository persons;
    private final BadgeTokens tokens;
    private final Admission admission;
    private final Clock clock;
    private final fr.cuf.rencontres.registration.RegistrationRepository registrationRepository;

    ScanDesk(ScanLog scans, CheckinQueries registrations, PersonRepository persons, BadgeTokens tokens,
             Admission admission, Clock clock,
             fr.cuf.rencontres.registration.RegistrationRepository registrationRepository) {
        this.registrationRepository = registrationRepository;
        this.scans = scans;
        this.registrations = registrations;
        this.persons = persons;
        this.tokens = tokens;
        this.admission = admission;
        this.clock = clock;
    }

    @Transactional
    ScanResult record(ValidScan scan, String scanner) {
        Optional<CheckinScan> previous = scans.findByNonce(scan.nonce());
        if (previous.isPresent()) {
            return replay(previous.get());
        }
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
        Optional<Registration> locked = registrations.lock(registrationId);
        if (locked.isEmpty() || (codeEvent != null && !codeEvent.equals(locked.get().eventId()))) {
            return save(scan, null, null, Outcome.INVALID_CODE, null, null, at, now, scanner);
        }
        Registration registration = locked.get();
        Admission.Decision decision = admission.decide(registration, codeVersion, scan.list(), scan.mode(),
                scan.expectedEventId(), at);
        return save(scan, registration, decision.eventId(), decision.outcome(), decision.sessionId(),
                decision.firstCheckinAt(), at, now, scanner);
    }

    @Transactional
    Optional<ScanResult> replay(String nonce) {
        return scans.findByNonce(nonce).map(this::replay);
    }

    private ScanResult save(ValidScan scan, @Nullable Registration registration, @Nullable Long eventId,
                            Outcome outcome, @Nullable Long sessionId, @Nullable Instant firstCheckinAt,
                            Instant at, Instant now, String scanner) {
        scans.save(new CheckinScan(null, scan.nonce(), eventId, registration == null ? null : registration.id(),
                scan.list().key(), sessionId, scan.mode(), outcome.code(), firstCheckinAt, at, now, scanner,
                scan.offline()));
        return result(outcome, scan.nonce(), scan.mode(), registration, firstCheckinAt, at, false);
    }

    private ScanResult replay(CheckinScan stored) {
        Registration registration = stored.registrationId() == null ? null
                : registrationRepository.findById(stored.registrationId()).orElse(null);
        return result(Outcome.ofCode(stored.outcome()), stored.nonce(), stored.direction(), registration,
                stored.firstCheckinAt(), stored.scannedAt(), true);
    }

    private ScanResult result(Outcome outcome, String nonce, ScanMode mode, @Nullable Registration registration,
                              @Nullable Instant firstCheckinAt, Instant at, boolean replayed) {
        if (registration == null) {
            return new ScanResult(outcome, nonce, mode, null, null, null, null, null, at, replayed);
        }
        Person person = persons.findById(registration.personId()).orElseThrow();
        return new ScanResult(outcome, nonce, mode, registration.id(), person.firstName(), person.lastName(),
                registration.participantType(), firstCheckinAt, at, replayed);
    }
}
