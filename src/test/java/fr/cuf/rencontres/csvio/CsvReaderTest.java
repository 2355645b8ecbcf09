package fr.cuf.rencontres.csvio;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CsvReaderTest {

    static final String NORD_MARTINIQUE = "Communauté d'agglomération du Pays Nord Martinique";

    @Test
    void windows_1252_accents_are_decoded_when_the_file_is_not_utf8() {
        byte[] file = ("Nom;Pays\r\n" + NORD_MARTINIQUE + ";France\r\nRégion Île-de-France;FR\r\n")
                .getBytes(CsvReader.WINDOWS_1252);
        CsvTable table = CsvReader.read(file);
        assertEquals("Windows-1252", table.encoding());
        assertEquals(';', table.separator());
        assertEquals(NORD_MARTINIQUE, table.rows().get(0).cell(0));
        assertEquals("Région Île-de-France", table.rows().get(1).cell(0));
    }

    @Test
    void utf8_bom_is_dropped_and_does_not_spoil_the_first_header() {
        byte[] file = ("\uFEFFNom,Pays\n" + NORD_MARTINIQUE + ",FR\n").getBytes(StandardCharsets.UTF_8);
        CsvTable table = CsvReader.read(file);
        assertEquals("UTF-8 (BOM)", table.encoding());
        assertEquals(',', table.separator());
        assertEquals(List.of("Nom", "Pays"), table.headers());
        assertEquals(NORD_MARTINIQUE, table.rows().get(0).cell(0));
    }

    @Test
    void utf8_without_bom_and_tabs_are_recognised() {
        CsvTable table = CsvReader.read("Nom\tVille\nDijon\tDijon\n".getBytes(StandardCharsets.UTF_8));
        assertEquals("UTF-8", table.encoding());
        assertEquals('\t', table.separator());
    }

    @Test
    void quoted_separators_and_line_breaks_stay_in_their_cell_and_lines_count_like_a_spreadsheet() {
        String csv = "Nom;Adresse;Ville\r\n"
                + "Ville de Dijon;\"Place de la Libération;\r\nBP 1510\";Dijon\r\n"
                + "\r\n"
                + "Ville de Rennes;\"1, place \"\"de la Mairie\"\"\";Rennes\r\n";
        CsvTable table = CsvReader.read(csv.getBytes(StandardCharsets.UTF_8));
        assertEquals(';', table.separator());
        assertEquals(2, table.rows().size());
        assertEquals("Place de la Libération;\r\nBP 1510", table.rows().get(0).cell(1));
        assertEquals(2, table.rows().get(0).line());
        assertEquals(4, table.rows().get(1).line(), "the empty line 3 still counts");
        assertEquals("1, place \"de la Mairie\"", table.rows().get(1).cell(1));
    }

    @Test
    void comma_wins_when_the_header_has_more_commas_than_semicolons_outside_quotes() {
        assertEquals(',', CsvReader.detectSeparator("\"Nom; complet\",Pays,Ville\nx,y,z"));
        assertEquals(';', CsvReader.detectSeparator("\n\nNom;Pays, code;Ville\n"));
    }

    @Test
    void ragged_rows_keep_what_they_have() {
        CsvTable table = CsvReader.read("Nom;Pays;Ville\nDijon\nRennes;FR;Rennes;extra\n".getBytes(StandardCharsets.UTF_8));
        assertEquals(null, table.rows().get(0).cell(1));
        assertEquals(4, table.rows().get(1).cells().size());
        assertTrue(table.rows().get(1).cell(3).equals("extra"));
    }
}
