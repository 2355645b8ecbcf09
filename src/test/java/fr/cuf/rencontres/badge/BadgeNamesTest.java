package fr.cuf.rencontres.badge;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Test;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** How names sit on a badge and in the participant list. */
class BadgeNamesTest {

    record Person(String lastName, String firstName) {
    }

    @Test
    void particles_de_and_d_apostrophe_are_not_sorted_on_articles_are() {
        List<Person> people = new ArrayList<>(List.of(new Person("de La Tour", "Anne"), new Person("Dupont", "Marc"),
                new Person("d'Estaing", "Valéry"), new Person("Le Pen", "Yves"), new Person("Laurent", "Léa"),
                new Person("Du Bellay", "Joachim"), new Person("Élise", "Zoé"), new Person("de Gaulle", "Charles")));
        people.sort(ParticipantOrder.byName(Person::lastName, Person::firstName));
        assertEquals(List.of("Du Bellay", "Dupont", "Élise", "d'Estaing", "de Gaulle", "de La Tour", "Laurent", "Le Pen"),
                people.stream().map(Person::lastName).toList());
    }

    @Test
    void a_long_last_name_is_never_smaller_than_the_first_name_and_shrinks_before_it_wraps() throws Exception {
        try (PDDocument document = new PDDocument()) {
            PdfFonts fonts = PdfFonts.load(document);
            float width = 250;
            BadgeRenderer.Block last = new BadgeRenderer.Block("Rakotoarisoa-Rabe", fonts.bold, 28, 8, 2,
                    Color.BLACK, 0, BadgeRenderer.Part.LAST_NAME);
            TextFit.Fitted fitted = BadgeRenderer.fitLastName(last, width, 1f);
            assertEquals(1, fitted.lines().size(), "shrunk on one line first: " + fitted);
            assertTrue(fitted.size() < 28 && fitted.size() >= 28 * 0.6f, "size " + fitted.size());

            BadgeRenderer.Block longer = new BadgeRenderer.Block(
                    "de La Rochefoucauld-Montbel-Dupont-Aignan-Valmont", fonts.bold, 28, 8, 2, Color.BLACK, 0,
                    BadgeRenderer.Part.LAST_NAME);
            TextFit.Fitted wrapped = BadgeRenderer.fitLastName(longer, width, 1f);
            assertEquals(2, wrapped.lines().size(), "then it wraps: " + wrapped);
            assertTrue(wrapped.size() >= 8, "never cut, never tiny: " + wrapped.size());
        }
    }

    @Test
    void badge_pdf_puts_the_first_name_no_larger_than_the_last_name() throws Exception {
        try (PDDocument document = new PDDocument()) {
            PdfFonts fonts = PdfFonts.load(document);
            BadgeRenderer.Block last = new BadgeRenderer.Block("Rakotoarisoa-Andrianavalona-Ramanantsoa", fonts.bold,
                    28, 8, 2, Color.BLACK, 0, BadgeRenderer.Part.LAST_NAME);
            TextFit.Fitted lastName = BadgeRenderer.fitLastName(last, 250, 1f);
            TextFit.Fitted firstName = TextFit.fit("Jean", fonts.regular, 250, Math.min(24, lastName.size()),
                    Math.min(8, lastName.size()), 2);
            assertTrue(firstName.size() <= lastName.size(), firstName.size() + " > " + lastName.size());
        }
    }
}
