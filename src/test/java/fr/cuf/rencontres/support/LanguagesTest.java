package fr.cuf.rencontres.support;

import org.junit.jupiter.api.Test;

import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;

class LanguagesTest {

    @Test
    void english_when_english_is_asked_for_in_any_variant_else_french() {
        assertEquals(Locale.ENGLISH, Languages.supported(Locale.UK));
        assertEquals(Locale.ENGLISH, Languages.of("en-US"));
        assertEquals(Locale.FRENCH, Languages.supported(Locale.GERMAN));
        assertEquals(Locale.FRENCH, Languages.supported(null));
        assertEquals(Locale.FRENCH, Languages.of(null));
        assertEquals(Locale.FRENCH, Languages.of("xx"));
    }
}
