package fr.cuf.rencontres.member;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SirenTest {

    @Test
    void a_siren_with_a_valid_check_digit_is_accepted() {
        assertTrue(Siren.isValid("212123111"));
        assertTrue(Siren.isValid("732829320"));
    }

    @Test
    void a_wrong_check_digit_a_wrong_length_or_letters_are_refused() {
        assertFalse(Siren.isValid("212123112"));
        assertFalse(Siren.isValid("21212311"));
        assertFalse(Siren.isValid("2121231110"));
        assertFalse(Siren.isValid("21212311A"));
        assertFalse(Siren.isValid(null));
    }

    @Test
    void spaces_dots_and_dashes_are_removed_before_checking() {
        assertEquals("212123111", Siren.normalise("212 123 111"));
        assertEquals("212123111", Siren.normalise("212.123-111"));
    }
}
