package fr.cuf.rencontres.csvio;

import fr.cuf.rencontres.member.MembershipRepository;
import fr.cuf.rencontres.member.Organisation;
import fr.cuf.rencontres.member.OrganisationKind;
import fr.cuf.rencontres.member.OrganisationRepository;
import fr.cuf.rencontres.member.OrganisationService;
import fr.cuf.rencontres.support.DatabaseTest;
import fr.cuf.rencontres.support.Fixtures;
import fr.cuf.rencontres.support.TestDatabase;
import io.micronaut.context.annotation.Property;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DatabaseTest
@Property(name = "rencontres.clock.fixed", value = "2026-05-01T10:00:00+02:00")
class OrganisationImportTest {

    static final String NORD_MARTINIQUE = "Communauté d'agglomération du Pays Nord Martinique";

    @Inject ImportService imports;
    @Inject OrganisationRepository organisations;
    @Inject MembershipRepository memberships;
    @Inject OrganisationService organisationService;
    @Inject Fixtures fixtures;
    @Inject DataSource dataSource;

    @BeforeEach
    void clean() {
        TestDatabase.clean(dataSource);
    }

    private ImportReport commit(byte[] file) {
        return imports.commit(new ImportRequest(ImportKind.ORGANISATIONS, file, List.of(), null), false, "test");
    }

    private ImportReport preview(byte[] file) {
        return imports.preview(new ImportRequest(ImportKind.ORGANISATIONS, file, List.of(), null));
    }

    @Test
    void excel_windows_1252_file_with_french_headers_creates_organisations_and_memberships() {
        ImportReport report = commit(CsvFiles.windows1252(
                "Raison sociale;SIREN;Pays;Code postal;Ville;Adhésion;Année d'adhésion",
                NORD_MARTINIQUE + ";249720061;France;97218;Basse-Pointe;oui;2025",
                "Ville de Poitiers;218 619 450;FR;86000;Poitiers;non;2024 | 2025",
                ";;;;;;",
                "Province de Kénitra;;Maroc;;Kénitra;;"));
        assertTrue(report.committed(), report.problems().toString());
        assertEquals("Windows-1252", report.encoding());
        assertEquals(3, report.counts().created());
        Organisation martinique = organisations.findBySiren("249720061").orElseThrow();
        assertEquals(NORD_MARTINIQUE, martinique.name());
        assertEquals(OrganisationKind.INTERCOMMUNALITE, martinique.kind());
        assertEquals(List.of(2026, 2025), organisationService.membershipYears(martinique.id()));
        Organisation poitiers = organisations.findBySiren("218619450").orElseThrow();
        assertEquals(OrganisationKind.COMMUNE, poitiers.kind());
        assertEquals(List.of(2025, 2024), organisationService.membershipYears(poitiers.id()));
        Organisation kenitra = organisations.findAll().stream().filter(o -> o.country().equals("MA")).findFirst().orElseThrow();
        assertEquals(OrganisationKind.FOREIGN_LOCAL_AUTHORITY, kenitra.kind());
        assertEquals("Kénitra", kenitra.city());
    }

    @Test
    void every_problem_is_reported_with_its_line_column_and_code() {
        ImportReport report = preview(CsvFiles.utf8Bom(
                "Nom;SIREN;Pays;Année d'adhésion",
                "Ville de Dijon;212123112;FR;2026",
                ";;Japon;",
                "Ville de Rennes;213523889;Atlantide;",
                "Ville de Rennes;213523889;FR;deux mille",
                "Ville d'Angers;;FR;2026",
                "Ville de Paris;217500016;FR;1900"));
        Map<Integer, List<String>> codes = report.problems().stream().collect(Collectors.groupingBy(RowProblem::line,
                Collectors.mapping(p -> p.column() + ":" + p.code(), Collectors.toList())));
        assertEquals(List.of("SIREN:invalid_siren"), codes.get(2));
        assertEquals(List.of("Nom:missing_name"), codes.get(3));
        assertEquals(List.of("Pays:unknown_country"), codes.get(4));
        assertTrue(codes.get(5).contains("Année d'adhésion:invalid_membership_year"), codes.toString());
        assertEquals(List.of("SIREN:siren_required"), codes.get(6));
        assertEquals(List.of("Année d'adhésion:invalid_membership_year"), codes.get(7));
        assertFalse(report.committed());
    }

    @Test
    void a_file_with_one_bad_row_leaves_the_database_unchanged() throws SQLException {
        fixtures.dijon();
        Map<String, Long> before = counts();
        ImportReport report = commit(CsvFiles.utf8(
                "Nom;SIREN;Pays;Année d'adhésion",
                "Ville de Dijon;212123111;FR;2025",
                "Ville de Poitiers;218619450;FR;2026",
                "Ville de Rennes;213523880;FR;2026"));
        assertFalse(report.committed());
        assertEquals(1, report.problems().size());
        assertEquals(4, report.problems().get(0).line());
        assertEquals(before, counts());
    }

    @Test
    void staff_may_import_the_valid_rows_only_and_the_others_are_skipped() {
        ImportReport report = imports.commit(new ImportRequest(ImportKind.ORGANISATIONS, CsvFiles.utf8(
                "Nom;SIREN;Pays",
                "Ville de Poitiers;218619450;FR",
                "Ville de Rennes;213523880;FR"), List.of(), null), true, "test");
        assertTrue(report.committed());
        assertEquals(1, report.counts().created());
        assertEquals(1, report.counts().skipped());
        assertEquals(1, organisations.count());
    }

    @Test
    void upsert_by_siren_updates_the_stored_organisation_and_adds_years() {
        Organisation dijon = fixtures.dijon();
        ImportReport report = commit(CsvFiles.utf8(
                "SIREN,Nom,Ville,Membership years",
                "212123111,Dijon Métropole ville centre,Dijon,2025 2026"));
        assertEquals(1, report.counts().updated(), report.toString());
        Organisation updated = organisations.findById(dijon.id()).orElseThrow();
        assertEquals("Dijon Métropole ville centre", updated.name());
        assertEquals("21231", updated.inseeCode(), "an absent column does not erase");
        assertEquals(List.of(2026, 2025), organisationService.membershipYears(dijon.id()));
        assertEquals(1, organisations.count());
    }

    @Test
    void upsert_by_normalised_name_and_country_matches_without_siren() {
        Organisation dijon = fixtures.dijon();
        ImportReport report = commit(CsvFiles.utf8(
                "Nom;Pays;Adhésion",
                "  DIJON ;France;oui",
                "Dijon;Canada;"));
        assertTrue(report.committed(), report.problems().toString());
        assertEquals(1, report.counts().unchanged(), "2026 membership already recorded, same data");
        assertEquals(1, report.counts().created(), "a Dijon in another country is another organisation");
        assertEquals(2, organisations.count());
        assertEquals("Ville de Dijon", organisations.findById(dijon.id()).orElseThrow().name(),
                "an unchanged row keeps the stored spelling");
    }

    @Test
    void a_name_match_with_another_siren_is_a_row_problem_never_a_second_organisation() {
        Organisation dijon = fixtures.dijon();
        ImportReport report = commit(CsvFiles.utf8(
                "Nom;SIREN;Pays",
                "Ville de Dijon;213523889;FR"));
        assertFalse(report.committed());
        assertEquals(List.of(new RowProblem(2, "SIREN", "organisation_siren_conflict",
                List.of("Ville de Dijon", "212123111", "213523889"))), report.problems());
        assertEquals(1, organisations.count());
        assertEquals("212123111", organisations.findById(dijon.id()).orElseThrow().siren());
    }

    @Test
    void the_demo_member_list_imported_twice_creates_nothing_the_second_time() throws java.io.IOException {
        byte[] list;
        try (var in = getClass().getResourceAsStream("/demo/organisations.csv")) {
            list = in.readAllBytes();
        }
        ImportReport first = commit(list);
        assertTrue(first.committed(), first.problems().toString());
        long stored = organisations.count();
        assertEquals(first.counts().created(), stored);
        ImportReport second = commit(list);
        assertTrue(second.committed(), second.problems().toString());
        assertEquals(0, second.counts().created());
        assertEquals(0, second.counts().updated());
        assertEquals(stored, organisations.count());
    }

    @Test
    void an_unknown_type_is_listed_once_staff_choose_what_it_means_and_the_choice_is_remembered() {
        byte[] file = CsvFiles.utf8(
                "Nom;Type;Pays;SIREN",
                "Province de Kénitra;autorité locale étrangère;Maroc;",
                "Ville de Poitiers;Commune;FR;218619450",
                "Préfecture de Tokushima;Autorité locale  étrangère;Japon;");
        ImportReport preview = preview(file);
        assertEquals(List.of(new UnknownValue("kind", "Type", "autorité locale étrangère", 2, null,
                "FOREIGN_LOCAL_AUTHORITY")), preview.unknownValues());
        assertEquals(List.of("unknown_organisation_kind", "unknown_organisation_kind"),
                preview.problems().stream().map(RowProblem::code).toList());

        ValueChoices choice = ValueChoices.parse(List.of("autorité locale étrangère=FOREIGN_LOCAL_AUTHORITY"));
        ImportReport committed = imports.commit(new ImportRequest(ImportKind.ORGANISATIONS, file, List.of(), null,
                false, true, choice), false, "desk");
        assertTrue(committed.committed(), committed.problems().toString());
        assertEquals(3, organisations.count());
        assertEquals(2, organisations.findAll().stream()
                .filter(o -> o.kind() == OrganisationKind.FOREIGN_LOCAL_AUTHORITY).count());

        ImportReport next = preview(CsvFiles.utf8(
                "Nom;Type;Pays",
                "Ville de Saint-Louis;AUTORITE LOCALE ETRANGERE;Sénégal"));
        assertEquals(List.of(), next.problems(), "the choice is remembered for the next import of organisations");
        assertEquals("FOREIGN_LOCAL_AUTHORITY", next.unknownValues().get(0).chosen());
    }

    @Test
    void a_file_with_only_its_header_is_refused_with_a_code() {
        fr.cuf.rencontres.support.DomainException refused = org.junit.jupiter.api.Assertions.assertThrows(
                fr.cuf.rencontres.support.DomainException.class, () -> preview(CsvFiles.utf8("Nom;SIREN;Pays", ";;")));
        assertEquals("header_only_csv", refused.code());
    }

    @Test
    void duplicate_rows_are_reported_once_with_the_line_they_repeat() {
        ImportReport report = preview(CsvFiles.utf8(
                "Nom;SIREN;Pays",
                "Ville de Poitiers;218619450;FR",
                "Ville de Poitiers;218619450;FR",
                "Maison de l'Europe de Brest;;FR",
                "MAISON DE L EUROPE DE BREST;;France"));
        assertEquals(2, report.problems().size(), report.problems().toString());
        assertEquals(new RowProblem(3, "SIREN", "duplicate_in_file", List.of("2")), report.problems().get(0));
        assertEquals(new RowProblem(5, "Nom", "duplicate_in_file", List.of("4")), report.problems().get(1));
    }

    @Test
    void ragged_rows_with_extra_cells_are_refused_but_trailing_empty_cells_are_not() {
        ImportReport report = preview(CsvFiles.utf8(
                "Nom;SIREN;Pays",
                "Ville de Poitiers;218619450;FR;;;",
                "Ville de Rennes;213523889",
                "Ville de Brest;FR;Finistère;29"));
        assertEquals(List.of(4), report.problems().stream().map(RowProblem::line).distinct().toList(),
                report.problems().toString());
        assertTrue(report.problems().stream().anyMatch(p -> p.code().equals("too_many_cells")));
    }

    @Test
    void ten_thousand_rows_with_quoted_line_breaks_import_in_one_go() {
        byte[] file = CsvFiles.utf8(CsvFiles.organisations(10_000, 1));
        long start = System.nanoTime();
        ImportReport report = commit(file);
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(report.committed(), report.problems().stream().limit(5).toList().toString());
        assertEquals(10_000, report.counts().created());
        assertEquals(10_000, organisations.count());
        assertEquals(10_000, memberships.count());
        Organisation one = organisations.findBySiren(CsvFiles.siren(20_000_042)).orElseThrow();
        assertEquals("42, rue de l'Église;\nBP 42", one.addressLine());
        System.out.println("10,000 organisations imported in " + millis + " ms on " + (TestDatabase.isPostgresPass() ? "PostgreSQL" : "H2"));
        ImportReport again = preview(file);
        assertEquals(10_000, again.counts().unchanged());
    }

    private Map<String, Long> counts() throws SQLException {
        Map<String, Long> counts = new java.util.TreeMap<>();
        try (Connection c = io.micronaut.data.connection.jdbc.advice.DelegatingDataSource.unwrapDataSource(dataSource)
                .getConnection(); Statement s = c.createStatement()) {
            for (String table : List.of("organisation", "membership", "person", "audit_entry", "registration")) {
                try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
                    rs.next();
                    counts.put(table, rs.getLong(1));
                }
            }
        }
        return counts;
    }
}
