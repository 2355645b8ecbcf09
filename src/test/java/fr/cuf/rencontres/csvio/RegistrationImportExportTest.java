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
import fr.cuf.rencontres.registration.ParticipantType;
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

    @Test
    void a_delegation_list_registers_persons_with_their_sessions() {
        ImportReport report = commit(CsvFiles.windows1252(
                "Prénom;Nom;Fonction;Courriel;Organisation;Élu(e);Type de participant;Séances",
                "Nathalie;Koenders;Première adjointe;n.koenders@example.fr;Ville de Dijon;oui;Élue;Point Maroc|Point Sénégal, Mali",
                "Jean;Martin;Chargé de mission;;DIJON;non;;"), false);
        assertTrue(report.committed(), report.problems().toString());
        assertEquals(2, report.counts().created());
        List<Registration> all = registrations.findByEventId(conference.id());
        assertEquals(2, all.size());
        Person nathalie = persons.findByEmail("n.koenders@example.fr").orElseThrow();
        assertEquals(dijon.id(), nathalie.organisationId());
        assertTrue(nathalie.electedOfficial());
        Registration hers = all.stream().filter(r -> r.personId().equals(nathalie.id())).findFirst().orElseThrow();
        assertEquals(RegistrationStatus.CONFIRMED, hers.status());
        assertEquals(ParticipantType.ELECTED_OFFICIAL, hers.participantType());
        assertEquals("import", hers.priceCategory());
        assertEquals(0, hers.priceCents());
        assertEquals(List.of(maroc.id(), senegal.id()),
                registrations.findSessionIds(hers.id(), "CONFIRMED").stream().sorted().toList());
        Registration his = all.stream().filter(r -> !r.personId().equals(nathalie.id())).findFirst().orElseThrow();
        assertEquals(ParticipantType.OFFICER, his.participantType());

        ImportReport again = commit(CsvFiles.utf8("Prénom;Nom;Courriel", "Nathalie;Koenders;N.Koenders@example.fr"), false);
        assertEquals(1, again.counts().unchanged(), "already registered, found by e-mail whatever its case");
        assertEquals(2, registrations.findByEventId(conference.id()).size());
    }

    @Test
    void unknown_sessions_organisations_and_bad_emails_are_reported_and_nothing_is_written() {
        long personsBefore = persons.count();
        ImportReport report = commit(CsvFiles.utf8(
                "Prénom,Nom,E-mail,Organisation,Séances",
                "Ana,Silva,ana.silva@example,Ville de Dijon,",
                "Omar,Benali,o.benali@example.ma,Ville de Rabat,",
                "Léa,Roux,lea@example.fr,,Point Japon",
                ",Sans Prénom,,,"), false);
        assertFalse(report.committed());
        assertEquals(List.of("invalid_email", "unknown_organisation", "unknown_session", "missing_first_name"),
                report.problems().stream().map(RowProblem::code).toList());
        assertEquals(List.of(2, 3, 4, 5), report.problems().stream().map(RowProblem::line).toList());
        assertEquals(personsBefore, persons.count());
        assertEquals(0, registrations.count());
    }

    @Test
    void rows_beyond_the_event_capacity_are_refused() {
        EventForm form = EventForm.of(conference);
        events.update(conference.id(), new EventForm(form.title(), form.slug(), form.kind(), form.summary(), form.series(),
                form.startsAt(), form.endsAt(), form.format(), form.venueId(), form.locationNote(), form.onlineLink(),
                form.membersOnly(), form.groupId(), 2, form.registrationOpensAt(), form.registrationClosesAt(),
                form.status()), "test");
        byte[] file = CsvFiles.utf8("Prénom;Nom", "Un;Premier", "Deux;Second", "Trois;Troisième");
        ImportReport all = commit(file, false);
        assertFalse(all.committed());
        assertEquals(new RowProblem(4, null, "event_full", List.of("2")), all.problems().get(0));
        assertEquals(0, registrations.count());
        ImportReport valid = commit(file, true);
        assertEquals(2, valid.counts().created());
        assertEquals(1, valid.counts().skipped());
        assertEquals(2, registrations.count());
    }

    @Test
    void registration_export_filters_by_session_neutralises_formulas_and_opens_in_french_excel() {
        commit(CsvFiles.utf8("Prénom;Nom;Fonction;Organisation;Séances",
                "Nathalie;Koenders;=HYPERLINK(\"http://evil\");Ville de Dijon;Point Maroc",
                "Jean;Martin;-adjoint;Ville de Dijon;Point Sénégal, Mali"), false);
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
    void organisations_export_imports_back_to_the_same_data() {
        imports.commit(new ImportRequest(ImportKind.ORGANISATIONS, CsvFiles.windows1252(
                "Nom;Type;Pays;SIREN;Adresse;Code postal;Ville;Années d'adhésion",
                "Communauté d'agglomération du Pays Nord Martinique;EPCI;FR;249720061;\"Bourg;\r\nBP 1\";97218;Basse-Pointe;2024, 2025",
                "=Ville piégée;Commune;FR;218619450;;;;",
                "Province de Kénitra;Collectivité étrangère;Maroc;;;;Kénitra;2026"), List.of(), null), false, "test");
        for (CsvWriter.Dialect dialect : CsvWriter.Dialect.values()) {
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
