package fr.cuf.rencontres.csvio;

import fr.cuf.rencontres.member.Organisation;
import fr.cuf.rencontres.member.Person;
import fr.cuf.rencontres.member.PersonRepository;
import fr.cuf.rencontres.support.DatabaseTest;
import fr.cuf.rencontres.support.Fixtures;
import fr.cuf.rencontres.support.TestDatabase;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DatabaseTest
class PersonImportTest {

    @Inject ImportService imports;
    @Inject PersonRepository persons;
    @Inject Fixtures fixtures;
    @Inject DataSource dataSource;

    Organisation dijon;

    @BeforeEach
    void clean() {
        TestDatabase.clean(dataSource);
        dijon = fixtures.dijon();
    }

    private ImportReport commit(byte[] file) {
        return imports.commit(new ImportRequest(ImportKind.PERSONS, file, List.of(), null), false, "test");
    }

    @Test
    void persons_are_created_and_updated_in_batches_and_a_second_import_changes_nothing() {
        Person known = fixtures.person("Nathalie", "Koenders", null, dijon);
        List<String> lines = new ArrayList<>();
        lines.add("Prénom;Nom;Fonction;Courriel;Organisation;Élu(e)");
        lines.add("Nathalie;Koenders;Première adjointe;n.koenders@example.fr;Ville de Dijon;oui");
        for (int i = 0; i < 1500; i++) {
            lines.add("Prénom" + i + ";Nom" + i + ";Chargé·e de mission;p" + i + "@example.fr;Dijon;non");
        }
        ImportReport report = commit(CsvFiles.utf8(lines));
        assertTrue(report.committed(), report.problems().toString());
        assertEquals(1500, report.counts().created());
        assertEquals(1, report.counts().updated());
        assertEquals(1501, persons.count());
        Person nathalie = persons.findById(known.id()).orElseThrow();
        assertEquals("n.koenders@example.fr", nathalie.email(), "found by name in her organisation, e-mail added");
        assertEquals("Première adjointe", nathalie.functionTitle());
        assertEquals(dijon.id(), persons.findByEmail("p1499@example.fr").orElseThrow().organisationId());

        ImportReport again = commit(CsvFiles.utf8(lines));
        assertEquals(1501, again.counts().unchanged());
        assertEquals(1501, persons.count());
    }

    @Test
    void one_bad_person_row_writes_nothing() {
        ImportReport report = commit(CsvFiles.utf8("Prénom;Nom;Courriel;Organisation",
                "Ana;Silva;ana@example.fr;Dijon", "Omar;Benali;pas-une-adresse;Dijon"));
        assertFalse(report.committed());
        assertEquals("invalid_email", report.problems().get(0).code());
        assertEquals(0, persons.count());
    }
}
