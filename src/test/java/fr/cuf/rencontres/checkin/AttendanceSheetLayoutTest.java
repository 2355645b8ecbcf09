package fr.cuf.rencontres.checkin;

import fr.cuf.rencontres.badge.PdfFonts;
import fr.cuf.rencontres.badge.TextFit;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The printed attendance sheet: room to sign, and no word broken in the middle. */
class AttendanceSheetLayoutTest {

    @Test
    void the_signature_column_is_at_least_45_mm_wide() {
        assertTrue(AttendanceSheets.signatureWidthMm() >= AttendanceSheets.MIN_SIGNATURE_MM,
                AttendanceSheets.signatureWidthMm() + " mm");
    }

    @Test
    void every_participant_type_fits_its_column_without_breaking_a_word() throws Exception {
        try (PDDocument document = new PDDocument()) {
            PdfFonts fonts = PdfFonts.load(document);
            for (String type : new String[] {"Élu·e", "Technicien·ne", "Partenaire", "Intervenant·e", "Presse",
                    "Organisation"}) {
                float width = 70 - 6;
                TextFit.Fitted fitted = TextFit.fit(type, fonts.regular, width, 8.5f,
                        AttendanceSheets.wholeWords(type, fonts.regular, width), 2);
                assertEquals(1, fitted.lines().size(), type + " was broken: " + fitted.lines());
            }
            String organisation = "Communauté d'agglomération du Pays Nord Martinique";
            TextFit.Fitted fitted = TextFit.fit(organisation, fonts.regular, 107 - 6, 8.5f,
                    AttendanceSheets.wholeWords(organisation, fonts.regular, 107 - 6), 2);
            for (String line : fitted.lines()) {
                assertTrue(organisation.contains(line) && (organisation + " ").contains(line + " ")
                        || organisation.endsWith(line), "a word was cut: " + fitted.lines());
            }
        }
    }
}
