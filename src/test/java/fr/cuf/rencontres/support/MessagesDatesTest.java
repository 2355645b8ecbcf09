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

    @Test
    void apostrophes_stay_and_a_placeholder_given_no_argument_is_left_for_the_page_script() {
        assertEquals("Salle trop petite : « {0} » attend {1} personnes, la salle « {2} » a {3} places.",
                messages.get(Locale.FRENCH, "timetable.live.tooSmall"));
        assertEquals("Cette adresse e-mail n'est pas valide.", messages.get(Locale.FRENCH, "error.invalid_email"));
        assertEquals("no.such.key", messages.get(Locale.ENGLISH, "no.such.key"));
    }
}
