package fr.cuf.rencontres.csvio;

import fr.cuf.rencontres.event.Event;
import fr.cuf.rencontres.event.EventForm;
import fr.cuf.rencontres.event.EventService;
import fr.cuf.rencontres.event.EventStatus;
import fr.cuf.rencontres.event.Room;
import fr.cuf.rencontres.event.Venue;
import fr.cuf.rencontres.member.Organisation;
import fr.cuf.rencontres.member.OrganisationRepository;
import fr.cuf.rencontres.member.MembershipRepository;
import fr.cuf.rencontres.member.Person;
import fr.cuf.rencontres.member.PersonRepository;
import fr.cuf.rencontres.registration.CategoryForm;
import fr.cuf.rencontres.registration.ParticipantType;
import fr.cuf.rencontres.registration.PriceRule;
import fr.cuf.rencontres.registration.RegistrationDesk;
import fr.cuf.rencontres.registration.Registration;
import fr.cuf.rencontres.registration.RegistrationRepository;
import fr.cuf.rencontres.registration.RegistrationStatus;
import fr.cuf.rencontres.schedule.Session;
import fr.cuf.rencontres.schedule.SessionKind;
import fr.cuf.rencontres.support.DatabaseTest;
import fr.cuf.rencontres.support.Fixtures;
import fr.cuf.rencontres.support.TestDatabase;
import io.micronaut.context.annotation.Property;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DatabaseTest
@Property(name = "rencontres.clock.fixed", value = "2026-05-01T10:00:00+02:00")
class RegistrationImportExportTest {

    @Inject ImportService imports;
    @Inject Exports exports;
    @Inject Fixtures fixtures;
    @Inject DataSource dataSource;
    @Inject EventService events;
    @Inject PersonRepository persons;
    @Inject RegistrationRepository registrations;
    @Inject OrganisationRepository organisations;
    @Inject MembershipRepository memberships;
    @Inject RegistrationDesk desk;
    @Inject fr.cuf.rencontres.registration.RegistrationViews views;
    @Inject fr.cuf.rencontres.member.OrganisationService organisationService;

    Organisation dijon;
    Event conference;
    Session maroc;
    Session senegal;

    @BeforeEach
    void data() {
        TestDatabase.clean(dataSource);
        dijon = fixtures.dijon();
        Venue venue = fixtures.artsEtMetiers();
        Room eiffel = fixtures.room(venue, "Salon Eiffel", 150);
        conference = fixtures.conference(venue, EventStatus.PUBLISHED);
        maroc = fixtures.session(conference, "Point Maroc", SessionKind.COUNTRY_BRIEFING,
                LocalDateTime.parse("2026-07-08T14:30"), 90, eiffel, null);
        senegal = fixtures.session(conference, "Point Sénégal, Mali", SessionKind.COUNTRY_BRIEFING,
                LocalDateTime.parse("2026-07-08T16:30"), 90, eiffel, null);
    }

    private ImportReport commit(byte[] file, boolean validOnly) {
        return imports.commit(new ImportRequest(ImportKind.REGISTRATIONS, file, List.of(), "rencontres-2026"),
                validOnly, "test");
    }

    private ImportReport commit(byte[] file, boolean validOnly, boolean waitingList) {
        return imports.commit(new ImportRequest(ImportKind.REGISTRATIONS, file, List.of(), "rencontres-2026",
                waitingList, true), validOnly, "test");
    }

    private ImportReport preview(byte[] file) {
        return imports.preview(new ImportRequest(ImportKind.REGISTRATIONS, file, List.of(), "rencontres-2026"));
    }

    private long count(String table) {
        try (var c = io.micronaut.data.connection.jdbc.advice.DelegatingDataSource.unwrapDataSource(dataSource).getConnection();
             var s = c.createStatement();
             var rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private Registration registrationOf(String email) {
        Person p = persons.findByEmail(email).orElseThrow();
        return registrations.findByEventId(conference.id()).stream().filter(r -> r.personId().equals(p.id()))
                .findFirst().orElseThrow();
    }

    private void prices() {
        desk.addCategory(conference.id(), new CategoryForm("adherent", "Adhérent", "Member", PriceRule.MEMBER, "0", 1), "test");
        desk.addCategory(conference.id(), new CategoryForm("non-adherent", "Non adhérent", "Non-member",
                PriceRule.NON_MEMBER, "120", 2), "test");
    }

    @Test
    void a_delegation_list_registers_persons_with_their_sessions_through_the_registration_service() {
        long mailsBefore = count("mail_outbox");
        ImportReport report = commit(CsvFiles.windows1252(
                "Prénom;Nom;Fonction;Courriel;Organisation;Élu(e);Type de participant;Séances",
                "Nathalie;Koenders;Première adjointe;n.koenders@example.fr;Ville de Dijon;oui;Élue;Point Maroc|Point Sénégal, Mali",
                "Jean;Martin;Chargé de mission;j.martin@example.fr;DIJON;non;;"), false);
        assertTrue(report.committed(), report.problems().toString());
        assertEquals(2, report.counts().created());
        List<Registration> all = registrations.findByEventId(conference.id());
        assertEquals(2, all.size());
        Person nathalie = persons.findByEmail("n.koenders@example.fr").orElseThrow();
        assertEquals(dijon.id(), nathalie.organisationId());
        assertTrue(nathalie.electedOfficial());
        Registration hers = registrationOf("n.koenders@example.fr");
        assertEquals(RegistrationStatus.CONFIRMED, hers.status(), "an event without price categories is free");
        assertEquals(ParticipantType.ELECTED_OFFICIAL, hers.participantType());
        assertEquals(0, hers.priceCents());
        assertEquals(List.of(maroc.id(), senegal.id()),
                registrations.findSessionIds(hers.id(), "CONFIRMED").stream().sorted().toList());
        assertEquals(ParticipantType.OFFICER, registrationOf("j.martin@example.fr").participantType());
        assertEquals(mailsBefore + 2, count("mail_outbox"), "one confirmation each, as the desk sends");
        assertEquals(List.of("CREATE", "CREATE"), report.rows().stream().map(RowResult::outcome).toList());

        ImportReport again = commit(CsvFiles.utf8("Prénom;Nom;Courriel", "Nathalie;Koenders;N.Koenders@example.fr"), false);
        assertTrue(again.committed(), again.problems().toString());
        assertEquals(1, again.counts().unchanged(), "already registered, found by e-mail whatever its case");
        assertEquals("already_registered", again.rows().get(0).code());
        assertEquals(2, registrations.findByEventId(conference.id()).size());
    }

    @Test
    void a_delegation_list_is_priced_by_the_rules_members_and_non_members() {
        prices();
        organisationService.create(new fr.cuf.rencontres.member.OrganisationForm("Ville de Lyon",
                fr.cuf.rencontres.member.OrganisationKind.COMMUNE, "FR", "216901231", null, null, "69001", "Lyon"), "test");
        byte[] file = CsvFiles.utf8("Prénom;Nom;Courriel;Organisation",
                "Nathalie;Koenders;n.koenders@example.fr;Ville de Dijon",
                "Paul;Durand;p.durand@example.fr;Ville de Lyon");
        ImportReport preview = preview(file);
        assertFalse(preview.committed());
        assertEquals(List.of(new RowResult(2, "CREATE", "CONFIRMED", "adherent", 0, null),
                new RowResult(3, "CREATE", "PENDING_PAYMENT", "non-adherent", 12000, null)), preview.rows());
        // the preview page names the category as staff read it, not by its code
        assertEquals("Non adhérent", views.categoryLabels(conference.id(), java.util.Locale.FRENCH).get("non-adherent"));
        assertEquals("Non-member", views.categoryLabels(conference.id(), java.util.Locale.ENGLISH).get("non-adherent"));
        assertEquals(0, registrations.count(), "a preview writes nothing");
        assertTrue(persons.findByEmail("p.durand@example.fr").isEmpty());

        ImportReport report = commit(file, false);
        assertTrue(report.committed(), report.problems().toString());
        Registration member = registrationOf("n.koenders@example.fr");
        assertEquals("adherent", member.priceCategory());
        assertEquals(RegistrationStatus.CONFIRMED, member.status());
        Registration other = registrationOf("p.durand@example.fr");
        assertEquals("non-adherent", other.priceCategory());
        assertEquals(12000, other.priceCents());
        assertEquals(RegistrationStatus.PENDING_PAYMENT, other.status());
    }

    @Test
    void a_session_capacity_is_respected_and_one_refused_row_writes_nothing() {
        Room small = fixtures.room(fixtures.artsEtMetiers(), "Petit salon", 1);
        Session japon = fixtures.session(conference, "Point Japon", SessionKind.COUNTRY_BRIEFING,
                LocalDateTime.parse("2026-07-09T10:00"), 60, small, null);
        long personsBefore = persons.count();
        long mailsBefore = count("mail_outbox");
        long auditBefore = count("audit_entry");
        byte[] file = CsvFiles.utf8("Prénom;Nom;Courriel;Organisation;Séances",
                "Un;Premier;un@example.fr;Ville de Dijon;Point Japon",
                "Deux;Second;deux@example.fr;Ville de Dijon;Point Japon|Point Maroc",
                "Trois;Troisième;trois@example.fr;Ville de Dijon;Point Maroc");

        ImportReport refused = commit(file, false);
        assertFalse(refused.committed());
        assertEquals(List.of(new RowProblem(3, "Séances", "session_full", List.of("Point Japon"))), refused.problems());
        assertEquals(List.of("CREATE", "REJECTED", "CREATE"), refused.rows().stream().map(RowResult::outcome).toList());
        assertEquals(0, registrations.count(), "all or nothing: the rows before the refused one are rolled back");
        assertEquals(personsBefore, persons.count());
        assertEquals(mailsBefore, count("mail_outbox"));
        assertEquals(auditBefore, count("audit_entry"));

        ImportReport valid = commit(file, true);
        assertTrue(valid.committed());
        assertEquals(2, valid.counts().created());
        assertEquals(1, valid.counts().skipped());
        assertEquals(2, registrations.count());
        assertEquals(List.of(japon.id()), registrations.findSessionIds(registrationOf("un@example.fr").id(), "CONFIRMED"));
        assertTrue(persons.findByEmail("deux@example.fr").isEmpty(), "the refused row left no person behind");

        ImportReport waiting = commit(CsvFiles.utf8("Prénom;Nom;Courriel;Organisation;Séances",
                "Deux;Second;deux@example.fr;Ville de Dijon;Point Japon"), false, true);
        assertTrue(waiting.committed(), waiting.problems().toString());
        Registration deux = registrationOf("deux@example.fr");
        assertEquals(List.of(japon.id()), registrations.findSessionIds(deux.id(), "WAITLISTED"));
    }

    @Test
    void unknown_sessions_organisations_and_bad_emails_are_reported_and_nothing_is_written() {
        long personsBefore = persons.count();
        ImportReport report = commit(CsvFiles.utf8(
                "Prénom,Nom,E-mail,Organisation,Séances",
                "Ana,Silva,ana.silva@example,Ville de Dijon,",
                "Omar,Benali,o.benali@example.ma,Ville de Rabat,",
                "Léa,Roux,lea@example.fr,Ville de Dijon,Point Japon",
                ",Sans Prénom,,,",
                "Jean,Martin,,Ville de Dijon,",
                "Awa,Diallo,awa@example.fr,,"), false);
        assertFalse(report.committed());
        assertEquals(List.of("invalid_email", "unknown_organisation", "unknown_session", "missing_first_name",
                        "email_required", "organisation_required"),
                report.problems().stream().map(RowProblem::code).toList());
        assertEquals(List.of(2, 3, 4, 5, 6, 7), report.problems().stream().map(RowProblem::line).toList());
        assertEquals(personsBefore, persons.count());
        assertEquals(0, registrations.count());
    }

    @Test
    void rows_beyond_the_event_capacity_are_refused_or_wait() {
        EventForm form = EventForm.of(conference);
        events.update(conference.id(), new EventForm(form.title(), form.slug(), form.kind(), form.summary(), form.series(),
                form.startsAt(), form.endsAt(), form.format(), form.venueId(), form.locationNote(), form.onlineLink(),
                form.membersOnly(), form.groupId(), 2, form.registrationOpensAt(), form.registrationClosesAt(),
                form.status()), "test");
        byte[] file = CsvFiles.utf8("Prénom;Nom;Courriel;Organisation", "Un;Premier;un@example.fr;Dijon",
                "Deux;Second;deux@example.fr;Dijon", "Trois;Troisième;trois@example.fr;Dijon");
        ImportReport all = commit(file, false);
        assertFalse(all.committed());
        assertEquals(new RowProblem(4, null, "event_full", List.of(conference.title())), all.problems().get(0));
        assertEquals(0, registrations.count());
        ImportReport waiting = preview(file);
        assertEquals("event_full", waiting.rows().get(2).code());
        ImportReport valid = commit(file, true);
        assertEquals(2, valid.counts().created());
        assertEquals(1, valid.counts().skipped());
        assertEquals(2, registrations.count());
        ImportReport listed = commit(CsvFiles.utf8("Prénom;Nom;Courriel;Organisation", "Trois;Troisième;trois@example.fr;Dijon"),
                false, true);
        assertTrue(listed.committed());
        assertEquals(RegistrationStatus.WAITLISTED, registrationOf("trois@example.fr").status());
    }

    @Test
    void members_only_events_refuse_non_members_row_by_row() {
        EventForm form = EventForm.of(conference);
        events.update(conference.id(), new EventForm(form.title(), form.slug(), form.kind(), form.summary(), form.series(),
                form.startsAt(), form.endsAt(), form.format(), form.venueId(), form.locationNote(), form.onlineLink(),
                true, form.groupId(), form.capacity(), form.registrationOpensAt(), form.registrationClosesAt(),
                form.status()), "test");
        organisationService.create(new fr.cuf.rencontres.member.OrganisationForm("Ville de Lyon",
                fr.cuf.rencontres.member.OrganisationKind.COMMUNE, "FR", "216901231", null, null, "69001", "Lyon"), "test");
        ImportReport report = preview(CsvFiles.utf8("Prénom;Nom;Courriel;Organisation",
                "Nathalie;Koenders;n.koenders@example.fr;Ville de Dijon", "Paul;Durand;p.durand@example.fr;Lyon"));
        assertEquals(List.of("CREATE", "REJECTED"), report.rows().stream().map(RowResult::outcome).toList());
        assertEquals("members_only", report.problems().get(0).code());
        assertEquals(0, registrations.count());
    }

    @Test
    void registration_export_filters_by_session_neutralises_formulas_and_opens_in_french_excel() {
        ImportReport imported = commit(CsvFiles.utf8("Prénom;Nom;Fonction;Courriel;Organisation;Séances",
                "Nathalie;Koenders;=HYPERLINK(\"http://evil\");n.koenders@example.fr;Ville de Dijon;Point Maroc",
                "Jean;Martin;-adjoint;j.martin@example.fr;Ville de Dijon;Point Sénégal, Mali"), false);
        assertTrue(imported.committed(), imported.problems().toString());
        byte[] csv = exports.registrations("rencontres-2026",
                new ExportFilter(null, null, null, maroc.id(), List.of("first_name", "last_name", "function", "sessions")),
                CsvWriter.Dialect.EXCEL, Locale.FRENCH);
        assertEquals((byte) 0xEF, csv[0], "UTF-8 BOM");
        String text = new String(csv, StandardCharsets.UTF_8).substring(1);
        assertEquals("Prénom;Nom;Fonction;Séances\r\nNathalie;Koenders;\"'=HYPERLINK(\"\"http://evil\"\")\";Point Maroc\r\n", text);
        String all = new String(exports.registrations("rencontres-2026", new ExportFilter(null, null, null, null, List.of()),
                CsvWriter.Dialect.COMMA, Locale.ENGLISH), StandardCharsets.UTF_8);
        assertTrue(all.startsWith("First name,Last name,Function,E-mail"), all);
        assertTrue(all.contains("'-adjoint"));
        assertTrue(all.contains("\"Point Sénégal, Mali\""));
        String badges = new String(exports.badges("rencontres-2026", CsvWriter.Dialect.EXCEL, Locale.FRENCH), StandardCharsets.UTF_8);
        assertTrue(badges.contains("Martin;'-adjoint;Ville de Dijon;FR;Technicien·ne"), badges);
    }

    @Test
    void exports_read_as_french_accountants_expect_with_an_xlsx_variant() throws java.io.IOException {
        prices();
        ImportReport imported = commit(CsvFiles.utf8("Prénom;Nom;Courriel;Organisation",
                "Jean;Martin;j.martin@example.fr;Ville de Dijon"), false);
        assertTrue(imported.committed(), imported.problems().toString());
        ExportFilter money = new ExportFilter(null, null, null, null,
                List.of("last_name", "status", "price_category", "price", "registered_at"));
        for (CsvWriter.Dialect dialect : List.of(CsvWriter.Dialect.EXCEL, CsvWriter.Dialect.COMMA)) {
            String csv = new String(exports.registrations("rencontres-2026", money, dialect, Locale.FRENCH),
                    StandardCharsets.UTF_8);
            String sep = dialect == CsvWriter.Dialect.EXCEL ? ";" : ",";
            String price = dialect == CsvWriter.Dialect.EXCEL ? "\\d+,00" : "\"\\d+,00\"";
            assertTrue(csv.matches("(?s).*\nMartin" + sep + "[^\\n]*" + sep + "(Adhérent|Non adhérent)" + sep + price + sep
                    + "\\d{2}/\\d{2}/\\d{4} \\d{2}:\\d{2}\r?\n.*"), dialect + ": " + csv);
            assertFalse(csv.contains("non-adherent") || csv.contains("CONFIRMED") || csv.contains("PENDING_PAYMENT"), csv);
        }
        byte[] xlsx = exports.registrations("rencontres-2026", money, CsvWriter.Dialect.XLSX, Locale.FRENCH);
        String sheet = null;
        String strings = "";
        java.nio.file.Path file = java.nio.file.Files.createTempFile("export", ".xlsx");
        java.nio.file.Files.write(file, xlsx);
        try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(file.toFile())) {
            sheet = new String(zip.getInputStream(zip.getEntry("xl/worksheets/sheet1.xml")).readAllBytes(),
                    StandardCharsets.UTF_8);
            java.util.zip.ZipEntry shared = zip.getEntry("xl/sharedStrings.xml");
            if (shared != null) {
                strings = new String(zip.getInputStream(shared).readAllBytes(), StandardCharsets.UTF_8);
            }
        } finally {
            java.nio.file.Files.deleteIfExists(file);
        }
        assertTrue(sheet != null, "a worksheet");
        assertTrue(sheet.matches("(?s).*<c r=\"D2\"[^>]*><v>\\d+(\\.\\d+)?</v>.*"), "the price is a number: " + sheet);
        assertTrue(sheet.matches("(?s).*<c r=\"E2\"[^>]*s=\"\\d+\"[^>]*><v>\\d+\\.\\d+</v>.*")
                || sheet.matches("(?s).*<c r=\"E2\"[^>]*><v>\\d+\\.\\d+</v>.*"), "the time is a date serial: " + sheet);
        assertTrue((sheet + strings).contains("Martin") && (sheet + strings).contains("Adh")
                && !(sheet + strings).contains(">adherent<"), "labels, not codes: " + sheet + strings);
    }

    @Test
    void organisations_export_imports_back_to_the_same_data() {
        imports.commit(new ImportRequest(ImportKind.ORGANISATIONS, CsvFiles.windows1252(
                "Nom;Type;Pays;SIREN;Adresse;Code postal;Ville;Années d'adhésion",
                "Communauté d'agglomération du Pays Nord Martinique;EPCI;FR;249720061;\"Bourg;\r\nBP 1\";97218;Basse-Pointe;2024, 2025",
                "=Ville piégée;Commune;FR;218619450;;;;",
                "Province de Kénitra;Collectivité étrangère;Maroc;;;;Kénitra;2026"), List.of(), null), false, "test");
        for (CsvWriter.Dialect dialect : List.of(CsvWriter.Dialect.EXCEL, CsvWriter.Dialect.COMMA)) {
            for (Locale locale : List.of(Locale.FRENCH, Locale.ENGLISH)) {
                String before = snapshot();
                byte[] exported = exports.organisations(dialect, locale);
                TestDatabase.clean(dataSource);
                ImportReport report = imports.commit(new ImportRequest(ImportKind.ORGANISATIONS, exported, List.of(), null),
                        false, "test");
                assertTrue(report.committed(), dialect + " " + locale + " " + report.problems());
                assertEquals(4, report.counts().created());
                assertEquals(before, snapshot(), dialect + " " + locale);
            }
        }
    }

    private String snapshot() {
        List<Organisation> all = new java.util.ArrayList<>();
        organisations.findAll().forEach(all::add);
        all.sort(Comparator.comparing(Organisation::name));
        StringBuilder out = new StringBuilder();
        for (Organisation o : all) {
            out.append(String.join("|", o.name(), o.kind().name(), o.country(), String.valueOf(o.siren()),
                    String.valueOf(o.inseeCode()), String.valueOf(o.addressLine()), String.valueOf(o.postalCode()),
                    String.valueOf(o.city())));
            memberships.findByOrganisationIdOrderByMembershipYearDesc(o.id()).forEach(m -> out.append("|").append(m.membershipYear()));
            out.append("\n");
        }
        return out.toString();
    }
}
