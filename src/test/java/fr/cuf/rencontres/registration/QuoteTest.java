package fr.cuf.rencontres.registration;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class QuoteTest {

    @Test
    void prices_are_written_in_euros_with_a_comma_and_two_decimals() {
        assertEquals("0,00 €", Quote.euros(0));
        assertEquals("0,05 €", Quote.euros(5));
        assertEquals("1,50 €", Quote.euros(150));
        assertEquals("120,00 €", Quote.euros(12_000));
        assertEquals("1250,99 €", Quote.euros(125_099));
    }
}
