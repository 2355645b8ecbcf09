package fr.cuf.rencontres.csvio;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

class NamesTest {

    @Test
    void ville_de_prefix_accents_case_and_spaces_are_ignored() {
        assertEquals(OrganisationNames.key("DIJON"), OrganisationNames.key("Ville de Dijon"));
        assertEquals(OrganisationNames.key("Angers"), OrganisationNames.key("Ville d'Angers"));
        assertEquals(OrganisationNames.key("Le Havre"), OrganisationNames.key("Ville du Havre"));
        assertEquals(OrganisationNames.key("Les Mureaux"), OrganisationNames.key("Commune des Mureaux"));
        assertEquals(OrganisationNames.key("La Rochelle"), OrganisationNames.key("ville de  la rochelle"));
        assertEquals(OrganisationNames.key("Aix en Provence"), OrganisationNames.key("Ville d’Aix-en-Provence"));
        assertEquals(OrganisationNames.key("Communauté d'agglomération du Pays Nord Martinique"),
                OrganisationNames.key("COMMUNAUTE D AGGLOMERATION DU PAYS NORD MARTINIQUE"));
    }

    @Test
    void town_names_that_start_like_a_prefix_are_kept_whole() {
        assertNotEquals(OrganisationNames.key("Avray"), OrganisationNames.key("Ville-d'Avray"));
        assertEquals("ville d avray", OrganisationNames.key("Ville-d'Avray"));
        assertEquals("villeurbanne", OrganisationNames.key("Villeurbanne"));
        assertNotEquals(OrganisationNames.key("Laval"), OrganisationNames.key("Ville de La Val"));
        assertEquals("laval", OrganisationNames.key("Ville de Laval"));
        assertEquals("ville de", OrganisationNames.key("Ville de"));
        assertEquals("communaute de communes du lac", OrganisationNames.key("Communauté de communes du Lac"));
    }

    @Test
    void headers_are_recognised_in_french_and_english_whatever_the_accents_and_case() {
        assertEquals(ImportField.MEMBERSHIP_YEARS, ImportKind.ORGANISATIONS.fieldOf("ANNEE D'ADHESION").orElseThrow());
        assertEquals(ImportField.MEMBER, ImportKind.ORGANISATIONS.fieldOf(" Adhésion ").orElseThrow());
        assertEquals(ImportField.NAME, ImportKind.ORGANISATIONS.fieldOf("raison sociale").orElseThrow());
        assertEquals(ImportField.POSTAL_CODE, ImportKind.ORGANISATIONS.fieldOf("Code Postal").orElseThrow());
        assertEquals(ImportField.ELECTED, ImportKind.PERSONS.fieldOf("Élu(e)").orElseThrow());
        assertEquals(ImportField.EMAIL, ImportKind.PERSONS.fieldOf("E-mail").orElseThrow());
        assertEquals(ImportField.EMAIL, ImportKind.PERSONS.fieldOf("Courriel").orElseThrow());
        assertEquals(ImportField.LAST_NAME, ImportKind.PERSONS.fieldOf("Nom").orElseThrow());
        assertEquals(ImportField.FIRST_NAME, ImportKind.REGISTRATIONS.fieldOf("prénom").orElseThrow());
    }

    @Test
    void staff_mapping_overrides_and_ignores_columns() {
        ColumnMapping mapping = ColumnMapping.of(ImportKind.PERSONS, List.of("Nom", "Adresse mél", "Structure"),
                List.of("Adresse mél=email", "Structure=ignore"));
        assertEquals("Adresse mél", mapping.header(ImportField.EMAIL).orElseThrow());
        assertEquals(false, mapping.maps(ImportField.ORGANISATION));
        assertEquals(List.of("Nom=last_name", "Adresse mél=email", "Structure=ignore"), mapping.entries());
    }

    @Test
    void formula_cells_are_neutralised_and_read_back_unchanged() {
        for (String hostile : List.of("=1+2", "+33 1 23", "-5", "@SUM(A1)", "\tx", "\rx")) {
            String written = CsvWriter.neutralise(hostile);
            assertEquals("'" + hostile, written);
        }
        assertEquals("Dijon", CsvWriter.neutralise("Dijon"));
        assertEquals("=1+2", Cells.clean("'=1+2"));
        assertEquals("'quoted", Cells.clean("'quoted"));
    }
}
