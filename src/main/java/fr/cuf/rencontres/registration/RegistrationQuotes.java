package fr.cuf.rencontres.registration;

import fr.cuf.rencontres.event.Event;
import fr.cuf.rencontres.event.EventRepository;
import fr.cuf.rencontres.support.DomainException;
import jakarta.inject.Singleton;

/** The price the rules give, shown before confirming. */
@Singleton
public class RegistrationQuotes {

    private final EventRepository events;
    private final Pricing pricing;

    RegistrationQuotes(EventRepository events, Pricing pricing) {
        this.events = events;
        this.pricing = pricing;
    }

    /** The price for the whole event. */
    public Quote quote(String slug, ParticipantType type, Long organisationId) {
        return quote(slug, type, organisationId, null);
    }

    /** The price for a day pass ({@code day} N) or the whole event ({@code day} null). */
    public Quote quote(String slug, ParticipantType type, Long organisationId, Integer day) {
        Event event = events.findBySlug(slug).orElseThrow(() -> DomainException.notFound("event_not_found"));
        return pricing.quoteFor(event, type == null ? ParticipantType.OFFICER : type, organisationId, day);
    }
}
