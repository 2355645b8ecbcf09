package fr.cuf.rencontres.badge;

import fr.cuf.rencontres.registration.ParticipantType;
import fr.cuf.rencontres.registration.Registration;
import fr.cuf.rencontres.registration.RegistrationStatus;
import fr.cuf.rencontres.support.DatabaseTest;
import fr.cuf.rencontres.support.DomainException;
import fr.cuf.rencontres.support.TestDatabase;
import jakarta.inject.Inject;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DatabaseTest
class BadgeServiceTest {

    static final String LONG_FUNCTION = "Vice-présidente déléguée aux relations internationales, à la coopération "
            + "décentralisée, à la francophonie et aux jumelages de la Communauté d'agglomération";

    @Inject DataSource dataSource;
    @Inject BadgeFixtures fixtures;
    @Inject BadgeService badges;

    BadgeFixtures.Conference conference;

    @BeforeEach
    void data() {
        TestDatabase.clean(dataSource);
        conference = fixtures.conference();
    }

    @Test
    void badge_prints_name_function_organisation_country_type_and_event() throws IOException {
        Registration r = fixtures.register(conference.event(), "Aïssatou", "N'Diaye-Sénghor", "Adjointe au maire",
                conference.foreign(), ParticipantType.ELECTED_OFFICIAL);
        String text = text(badges.pdfFor(r.id()));
        for (String expected : List.of("Aïssatou", "N'Diaye-Sénghor", "Adjointe au maire", "Commune de Saint-Louis",
                "Sénégal", "ÉLU·E · ELECTED OFFICIAL", "17es Rencontres de l'AICT", "8–9 juillet 2026")) {
            assertTrue(text.contains(expected), expected + " missing in:\n" + text);
        }
    }

    @Test
    void long_french_names_and_functions_are_never_cut() throws IOException {
        Registration r = fixtures.register(conference.event(), "Marie-Christine-Éléonore",
                "de La Rochefoucauld-Montbel-Dupont-Aignan", LONG_FUNCTION, conference.dijon(), ParticipantType.OFFICER);
        for (BadgeLayout layout : BadgeLayout.values()) {
            byte[] pdf = badges.pdfFor(r.id(), layout);
            String text = text(pdf).replaceAll("\\s+", " ").replace("- ", "-");
            for (String word : (LONG_FUNCTION + " Marie-Christine-Éléonore de La Rochefoucauld-Montbel-Dupont-Aignan")
                    .split(" ")) {
                assertTrue(text.contains(word), layout + ": '" + word + "' missing in:\n" + text);
            }
            for (float[] glyph : glyphs(pdf)) {
                assertTrue(glyph[0] >= 0 && glyph[0] + glyph[2] <= glyph[4] + 0.5f && glyph[1] >= 0
                        && glyph[1] <= glyph[5], layout + ": a glyph leaves the page at " + glyph[0] + "," + glyph[1]);
            }
        }
    }

    @Test
    void batch_selects_by_type_in_participant_list_order() throws IOException {
        fixtures.register(conference.event(), "Zoé", "Martin", null, conference.dijon(), ParticipantType.PRESS);
        fixtures.register(conference.event(), "Anne", "Martin", null, conference.dijon(), ParticipantType.PRESS);
        fixtures.register(conference.event(), "Paul", "Abadie", null, conference.dijon(), ParticipantType.ELECTED_OFFICIAL);
        BadgeService.Batch press = badges.printBatch(conference.event().id(),
                new BadgeSelection(ParticipantType.PRESS, false, BadgeLayout.A6), "desk");
        assertEquals(2, press.count());
        String text = text(press.pdf());
        assertTrue(text.indexOf("Anne") < text.indexOf("Zoé"), text);
        assertTrue(!text.contains("Abadie"));
        assertEquals(3, badges.printBatch(conference.event().id(), BadgeSelection.all(), "desk").count());
    }

    @Test
    void since_last_print_gives_new_registrations_and_reissued_badges_only() throws IOException {
        Registration first = fixtures.register(conference.event(), "Paul", "Abadie", null, conference.dijon(),
                ParticipantType.ELECTED_OFFICIAL);
        fixtures.register(conference.event(), "Anne", "Bernard", null, conference.dijon(), ParticipantType.OFFICER);
        BadgeSelection sinceLast = new BadgeSelection(null, true, BadgeLayout.A4_LABELS_90X54);
        assertEquals(2, badges.printBatch(conference.event().id(), sinceLast, "desk").count());
        assertEquals("no_badges_to_print", assertThrows(DomainException.class,
                () -> badges.printBatch(conference.event().id(), sinceLast, "desk")).code());

        fixtures.register(conference.event(), "Claire", "Chevalier", null, conference.dijon(), ParticipantType.SPEAKER);
        badges.reissue(first.id(), "desk");
        BadgeService.Batch next = badges.printBatch(conference.event().id(), sinceLast, "desk");
        assertEquals(2, next.count());
        String text = text(next.pdf());
        assertTrue(text.contains("Chevalier") && text.contains("Abadie") && !text.contains("Bernard"), text);
        assertEquals(2, badges.printRuns(conference.event().id()).size(), "a refused batch is no print run");
    }

    @Test
    void labels_put_ten_badges_on_an_a4_sheet() throws IOException {
        for (int i = 0; i < 12; i++) {
            fixtures.register(conference.event(), "Prénom" + i, "Nom" + i, "Conseiller municipal", conference.dijon(),
                    ParticipantType.values()[i % ParticipantType.values().length]);
        }
        BadgeService.Batch batch = badges.printBatch(conference.event().id(),
                new BadgeSelection(null, false, BadgeLayout.A4_LABELS_90X54), "desk");
        try (PDDocument document = Loader.loadPDF(batch.pdf())) {
            assertEquals(2, document.getNumberOfPages());
            assertEquals(595, Math.round(document.getPage(0).getMediaBox().getWidth()));
        }
    }

    @Test
    void cancelled_or_waitlisted_registrations_have_no_badge() {
        Registration r = fixtures.register(conference.event(), "Paul", "Abadie", null, conference.dijon(),
                ParticipantType.ELECTED_OFFICIAL);
        fixtures.cancel(r);
        assertEquals("no_badge_for_registration_status",
                assertThrows(DomainException.class, () -> badges.pdfFor(r.id())).code());
        Registration waiting = fixtures.register(conference.event(),
                fixturesPerson("Léa", "Durand"), conference.dijon(), ParticipantType.OFFICER,
                RegistrationStatus.WAITLISTED);
        assertThrows(DomainException.class, () -> badges.pdfFor(waiting.id()));
    }

    @Inject fr.cuf.rencontres.support.Fixtures base;

    private fr.cuf.rencontres.member.Person fixturesPerson(String first, String last) {
        return base.person(first, last, null, conference.dijon());
    }

    static String text(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }

    /** x, y (from the bottom), width, height of each glyph, and the page's width and height. */
    static List<float[]> glyphs(byte[] pdf) throws IOException {
        List<float[]> out = new ArrayList<>();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDFTextStripper stripper = new PDFTextStripper() {
                @Override
                protected void writeString(String text, List<TextPosition> positions) throws IOException {
                    for (TextPosition p : positions) {
                        float pageHeight = p.getPageHeight();
                        out.add(new float[] {p.getXDirAdj(), pageHeight - p.getYDirAdj(), p.getWidthDirAdj(),
                                p.getHeightDir(), p.getPageWidth(), pageHeight});
                    }
                    super.writeString(text, positions);
                }
            };
            stripper.getText(document);
        }
        return out;
    }
}
