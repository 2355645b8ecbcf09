package fr.cuf.rencontres.web.site;

import fr.cuf.rencontres.event.Event;
import fr.cuf.rencontres.event.RegistrationWindow;
import io.micronaut.core.annotation.Nullable;

import java.time.Instant;

/**
 * What a page shows about registering for an event ({@code partials/register-cta}): the button while
 * registration is open, the opening moment before, "closed" after. {@code relevant}: the event takes
 * registrations at all (it has registration dates), so that "closed" is not shown on every past meeting.
 */
record RegistrationCta(String slug, RegistrationWindow window, @Nullable Instant opensAt, @Nullable Instant closesAt,
                       boolean relevant) {

    static RegistrationCta of(Event e, Instant now) {
        return new RegistrationCta(e.slug(), e.registrationWindow(now), e.registrationOpensAt(),
                e.registrationClosesAt(), e.registrationOpensAt() != null || e.registrationClosesAt() != null);
    }
}
