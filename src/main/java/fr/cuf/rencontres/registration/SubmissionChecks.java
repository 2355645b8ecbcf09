package fr.cuf.rencontres.registration;

import fr.cuf.rencontres.event.Event;
import fr.cuf.rencontres.support.DomainException;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Map;

/**
 * What a submission must satisfy before any seat is locked: the event is open, the fields and answers are valid,
 * the attendance matches a price category, and members-only events and sessions see a member organisation.
 * Statements, in this order: the event, its questions, the chosen sessions, the price categories, the organisation
 * with its membership.
 */
@Singleton
class SubmissionChecks {

    private final OpenEvents openEvents;
    private final QuestionRepository questions;
    private final Seats seats;
    private final RequestCheck check;
    private final Pricing pricing;
    private final Payers payers;

    SubmissionChecks(OpenEvents openEvents, QuestionRepository questions, Seats seats, RequestCheck check,
                     Pricing pricing, Payers payers) {
        this.openEvents = openEvents;
        this.questions = questions;
        this.seats = seats;
        this.check = check;
        this.pricing = pricing;
        this.payers = payers;
    }

    /**
     * A submission that passed the checks. {@code organisationId} is the payer's (null without one); {@code foreign}
     * and {@code member} choose the price category.
     */
    record Checked(Event event, Map<Long, SessionSeats> sessions, RequestCheck.Valid valid,
                   List<PriceCategory> categories, Long organisationId, boolean member, boolean foreign) {
    }

    Checked check(String slug, RegistrationRequest request, Submission submission) {
        Event event = openEvents.open(slug, submission);
        List<Question> eventQuestions = questions.findByEventIdOrderByPosition(event.id());
        Map<Long, SessionSeats> sessions = seats.chosenOf(event.id(), request.sessions());
        RequestCheck.Valid valid = check.validate(request, submission, eventQuestions, sessions);
        List<PriceCategory> categories = pricing.categoriesOf(event);
        checkAttendance(event, request.attendanceDay(), categories, valid.sessionIds(), sessions);

        RegistrationDetailRepository.Payer payer = payers.of(event, request, submission);
        boolean member = payer != null && payer.member();
        if (event.membersOnly() && !member) {
            throw DomainException.forbidden("members_only");
        }
        for (Long id : valid.sessionIds()) {
            if (sessions.get(id).membersOnly() && !member) {
                throw Refusals.forbiddenOn("sessionIds", "members_only_session", sessions.get(id).title());
            }
        }
        Long organisationId = payer == null ? null : payer.id();
        boolean foreign = payer != null && Pricing.isForeign(payer.kind(), payer.country());
        return new Checked(event, sessions, valid, categories, organisationId, member, foreign);
    }

    /**
     * A day pass ({@code day} N) needs a category of that day, and sessions of that day only; coming every day
     * ({@code day} null) needs a whole-event category when the event has categories at all.
     */
    private static void checkAttendance(Event event, Integer day, List<PriceCategory> categories, List<Long> sessionIds,
                                        Map<Long, SessionSeats> sessions) {
        if (day == null) {
            if (!categories.isEmpty() && categories.stream().noneMatch(c -> c.dayPass() == 0)) {
                throw DomainException.invalid("attendanceDay", "attendance_day_required");
            }
            return;
        }
        if (day < 1 || day > Days.count(event) || categories.stream().noneMatch(c -> c.dayPass() == day)) {
            throw DomainException.invalid("attendanceDay", "no_day_pass", day);
        }
        for (Long id : sessionIds) {
            SessionSeats s = sessions.get(id);
            if (s.startsAt() != null && Days.dayOf(event, s.startsAt()) != day) {
                throw DomainException.invalid("sessionIds", "session_other_day", s.title(), day);
            }
        }
    }
}
