package fr.cuf.rencontres.checkin;

import fr.cuf.rencontres.event.EventRepository;
import fr.cuf.rencontres.member.MembershipRepository;
import fr.cuf.rencontres.registration.RegistrationStatus;
import fr.cuf.rencontres.support.DomainException;
import fr.cuf.rencontres.support.Times;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The door's rules, in the order staff read them: a reissued badge, another event, a cancelled
 * registration, the wrong day; then, on the way in only: members only, not signed up for the
 * session, already inside. A session that nobody signed up for (a plenary, a café) admits every
 * registrant of the event; a session with sign-ups admits those who signed up.
 * Every outcome is decided here, "already inside" included: an admitted entry is written only while the person is
 * still outside ({@link ScanWriter}), and a write that finds them inside sends the scan back here with fresh facts.
 */
@Singleton
class Admission {

    /** {@code eventId} is null for a code that names no registration: it is nobody's scan. */
    record Decision(Outcome outcome, @Nullable Long eventId, @Nullable Long sessionId, @Nullable Instant firstCheckinAt) {

        static Decision invalidCode() {
            return new Decision(Outcome.INVALID_CODE, null, null, null);
        }
    }

    private final EventRepository events;
    private final MembershipRepository memberships;

    Admission(EventRepository events, MembershipRepository memberships) {
        this.events = events;
        this.memberships = memberships;
    }

    Decision decide(ScanFacts facts, @Nullable Integer codeVersion, CheckinList list, ScanMode mode,
                    @Nullable String expectedEventSlug, Instant at) {
        long eventId = facts.eventId();
        if (list.kind() == CheckinList.Kind.SESSION && facts.sessionId() == null) {
            throw DomainException.notFound("session_not_found");
        }
        Long sessionId = facts.sessionId();
        if (codeVersion != null && codeVersion != facts.badgeVersion()) {
            Outcome outcome = codeVersion < facts.badgeVersion() ? Outcome.SUPERSEDED_BADGE : Outcome.INVALID_CODE;
            return new Decision(outcome, eventId, sessionId, null);
        }
        if (otherEvent(facts, expectedEventSlug) || (sessionId != null && facts.sessionEventId() != eventId)) {
            return new Decision(Outcome.WRONG_EVENT, eventId, sessionId, null);
        }
        RegistrationStatus status = RegistrationStatus.valueOf(facts.status());
        if (status == RegistrationStatus.CANCELLED) {
            return new Decision(Outcome.CANCELLED, eventId, sessionId, null);
        }
        if (!rightDay(facts, list, at)) {
            return new Decision(Outcome.WRONG_DAY, eventId, sessionId, null);
        }
        if (mode == ScanMode.EXIT) {
            return new Decision(Outcome.OK, eventId, sessionId, facts.firstEntryAt());
        }
        if (!status.holdsSeat()) {
            return new Decision(Outcome.NOT_REGISTERED_FOR_SESSION, eventId, sessionId, null);
        }
        boolean membersOnly = facts.eventMembersOnly() || Boolean.TRUE.equals(facts.sessionMembersOnly());
        if (membersOnly && !member(facts)) {
            return new Decision(Outcome.MEMBERS_ONLY, eventId, sessionId, null);
        }
        if (sessionId != null && facts.sessionHasSignUps() && !facts.signedUp()) {
            return new Decision(Outcome.NOT_REGISTERED_FOR_SESSION, eventId, sessionId, null);
        }
        Instant first = facts.firstEntryAt();
        if (Boolean.TRUE.equals(facts.inside())) {
            return new Decision(Outcome.ALREADY_CHECKED_IN, eventId, sessionId, first);
        }
        return new Decision(Outcome.OK, eventId, sessionId, first == null || at.isBefore(first) ? at : first);
    }

    /** The scanner said which event it checks in, and this badge is of another (an unknown slug is an error). */
    private boolean otherEvent(ScanFacts facts, @Nullable String expectedEventSlug) {
        if (expectedEventSlug == null || expectedEventSlug.equals(facts.eventSlug())) {
            return false;
        }
        events.findBySlug(expectedEventSlug).orElseThrow(() -> DomainException.notFound("event_not_found"));
        return true;
    }

    /**
     * The list's day (the session's, or the entrance's) is the day of the scan and a day of the event, and,
     * for a day-pass holder, the day of their pass.
     */
    private static boolean rightDay(ScanFacts facts, CheckinList list, Instant at) {
        LocalDate day = facts.sessionId() != null
                ? (facts.sessionStartsAt() == null ? null : Times.paris(facts.sessionStartsAt()).toLocalDate())
                : list.day();
        if (day == null) {
            return true;
        }
        LocalDate first = Times.paris(facts.eventStartsAt()).toLocalDate();
        LocalDate last = Times.paris(facts.eventEndsAt()).toLocalDate();
        boolean passDay = facts.attendanceDay() == null || day.equals(first.plusDays(facts.attendanceDay() - 1L));
        return passDay && day.equals(Times.paris(at).toLocalDate()) && !day.isBefore(first) && !day.isAfter(last);
    }

    private boolean member(ScanFacts facts) {
        return facts.organisationId() != null && memberships.existsByOrganisationIdAndMembershipYear(
                facts.organisationId(), Times.paris(facts.eventStartsAt()).getYear());
    }
}
