package fr.cuf.rencontres.support;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;

class MessagesDatesTest {

    final Messages messages = new Messages(new SiteMessageSource());

    @Test
    void a_refusal_gives_its_moment_in_words_in_each_language() {
        Problem notOpen = new Problem("registration_not_open", null,
                java.util.List.of(Times.paris(Instant.parse("2026-04-15T07:00:00Z"))));
        assertEquals("Les inscriptions à cet événement ouvrent le 15 avril 2026 à 9 h.",
                messages.problem(Locale.FRENCH, notOpen));
        assertEquals("Registration for this event opens on April 15, 2026 at 9:00.",
                messages.problem(Locale.ENGLISH, notOpen));
    }
}
