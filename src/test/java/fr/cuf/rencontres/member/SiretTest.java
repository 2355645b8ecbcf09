package fr.cuf.rencontres.member;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A SIRET printed on an invoice must be one the administration would accept: 14 digits and its checksum. */
class SiretTest {

    @Test
    void a_siret_with_its_luhn_checksum_is_valid_and_a_mistyped_one_is_not() {
        assertTrue(Siret.isValid("77550090200009"));
        assertFalse(Siret.isValid("77550090200008"), "one digit off");
        assertFalse(Siret.isValid("7755009020000"), "13 digits");
        assertFalse(Siret.isValid(null));
    }

    @Test
    void la_poste_establishments_follow_their_own_rule() {
        // La Poste (SIREN 356000000): the digits add up to a multiple of 5, whatever Luhn says
        assertTrue(Siret.isValid("35600000000010"));
        assertFalse(Siret.isValid("35600000000011"));
    }
}
