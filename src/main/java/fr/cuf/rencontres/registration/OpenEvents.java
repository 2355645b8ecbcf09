package fr.cuf.rencontres.registration;

import fr.cuf.rencontres.event.Event;
import fr.cuf.rencontres.event.EventRepository;
import fr.cuf.rencontres.event.EventStatus;
import fr.cuf.rencontres.support.DomainException;
import fr.cuf.rencontres.support.Times;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;

/** The event a registrant may register for: published, and within its dates unless the desk registers. */
@Singleton
public class OpenEvents {

    private final EventRepository events;
    private final Clock clock;

    OpenEvents(EventRepository events, Clock clock) {
        this.events = events;
        this.clock = clock;
    }

    /** The event of {@code slug} when {@code submission} may register for it; a refusal otherwise. */
    public Event open(String slug, Submission submission) {
        Event event = events.findBySlug(slug).filter(e -> e.status().isPublic())
                .orElseThrow(() -> DomainException.notFound("event_not_found"));
        Instant now = clock.instant();
        if (event.status() == EventStatus.CANCELLED
                || (!submission.ignoresDates() && !now.isBefore(event.endsAt()))) {
            throw Refusals.conflict("registration_closed");
        }
        if (!submission.ignoresDates() && !event.isOpenForRegistration(now)) {
            boolean notYet = event.registrationOpensAt() != null && now.isBefore(event.registrationOpensAt());
            throw notYet ? Refusals.conflict("registration_not_open", Times.paris(event.registrationOpensAt()))
                    : Refusals.conflict("registration_closed");
        }
        return event;
    }
}
