package fr.cuf.rencontres.privacy;

import fr.cuf.rencontres.audit.AuditFilter;
import fr.cuf.rencontres.audit.AuditRepository;
import fr.cuf.rencontres.calendar.AgendaTokens;
import fr.cuf.rencontres.event.Event;
import fr.cuf.rencontres.event.EventForm;
import fr.cuf.rencontres.event.EventFormat;
import fr.cuf.rencontres.event.EventKind;
import fr.cuf.rencontres.event.EventService;
import fr.cuf.rencontres.event.EventStatus;
import fr.cuf.rencontres.member.Organisation;
import fr.cuf.rencontres.registration.ParticipantType;
import fr.cuf.rencontres.registration.RegistrationOutcome;
import fr.cuf.rencontres.registration.RegistrationRequest;
import fr.cuf.rencontres.registration.RegistrationService;
import fr.cuf.rencontres.registration.RegistrationViews;
import fr.cuf.rencontres.registration.Submission;
import fr.cuf.rencontres.support.AuditEntry;
import fr.cuf.rencontres.support.DatabaseTest;
import fr.cuf.rencontres.support.DomainException;
import fr.cuf.rencontres.support.Fixtures;
import fr.cuf.rencontres.support.TestDatabase;
import io.micronaut.context.annotation.Property;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DatabaseTest
@Property(name = "rencontres.clock.fixed", value = "2026-05-01T10:00:00+02:00")
@Property(name = "rencontres.privacy.retention-job", value = "false")
class PrivacyTest {

    @Inject RegistrationService registrations;
    @Inject fr.cuf.rencontres.member.PersonService personService;
    @Inject RegistrationViews views;
    @Inject EventService events;
    @Inject Fixtures fixtures;
    @Inject AgendaTokens agendaTokens;
    @Inject Erasure erasure;
    @Inject Retention retention;
    @Inject PersonData personData;
    @Inject PrivacyNotices notices;
    @Inject AuditRepository audit;
    @Inject PrivacyRepository sql;
    @Inject TransactionOperations<Connection> tx;
    @Inject DataSource dataSource;

    Organisation dijon;
    Event conference;

    @BeforeEach
    void data() {
        TestDatabase.clean(dataSource);
        dijon = fixtures.dijon();
        conference = events.create(new EventForm("17es Rencontres de l'AICT", "rencontres-2026",
                EventKind.CONFERENCE_EDITION, null, null, LocalDateTime.parse("2026-07-08T09:00"),
                LocalDateTime.parse("2026-07-09T18:30"), EventFormat.IN_PERSON, fixtures.artsEtMetiers().id(), null,
                null, false, null, null, LocalDateTime.parse("2026-04-15T09:00"),
                LocalDateTime.parse("2026-07-03T23:59"), EventStatus.PUBLISHED), "test");
    }

    private RegistrationOutcome register(String first, String email, String dietary) {
        return registrations.register(conference.slug(), RegistrationRequest.builder().name(first, "Martin")
                .functionTitle("Chargée de mission").email(email).phone("+33 1 23 45 67 89").organisationId(dijon.id())
                .participantType(ParticipantType.OFFICER).dietaryNeeds(dietary).consent(true).locale("fr").build(), Submission.api(null));
    }

    private long personOf(RegistrationOutcome r) {
        return inTx(() -> sql.ids("SELECT person_id FROM registration WHERE id = ?", r.id()).get(0));
    }

    private <T> T inTx(java.util.function.Supplier<T> work) {
        return tx.executeRead(s -> work.get());
    }

    /** The conference took place long ago: ended on {@code end} (Paris time). */
    private void moveConferenceTo(String start, String end) {
        tx.executeWrite(s -> sql.update("UPDATE event SET starts_at = ?, ends_at = ?, registration_opens_at = NULL, "
                        + "registration_closes_at = NULL WHERE id = ?",
                fr.cuf.rencontres.support.Times.fromParis(LocalDateTime.parse(start)),
                fr.cuf.rencontres.support.Times.fromParis(LocalDateTime.parse(end)), conference.id()));
    }

    private void unpaidInvoiceFor(RegistrationOutcome r) {
        tx.executeWrite(s -> {
            java.time.Instant now = java.time.Instant.now();
            sql.update("INSERT INTO invoice (invoice_number, event_id, organisation_id, issued_on, total_cents, paid_cents, "
                            + "status, issued_by, created_at, updated_at, customer_name, event_title, due_on, net_cents) "
                            + "VALUES ('CUF-2026-0001', ?, ?, DATE '2026-04-20', 12000, 0, 'ISSUED', 'desk', ?, ?, 'Ville de Dijon', "
                            + "'17es Rencontres', DATE '2026-05-20', 12000)", conference.id(), dijon.id(), now, now);
            long invoice = sql.ids("SELECT id FROM invoice WHERE invoice_number = 'CUF-2026-0001'").get(0);
            return sql.update("INSERT INTO invoice_line (invoice_id, registration_id, description, amount_cents) "
                    + "VALUES (?, ?, 'Awa Martin - 17es Rencontres', 12000)", invoice, r.id());
        });
    }

    private long registrationsOfConference() {
        return inTx(() -> sql.count("SELECT COUNT(*) FROM registration WHERE event_id = ?", conference.id()));
    }

    @Test
    void erasure_is_refused_with_a_coded_reason_while_a_registration_is_to_come_unless_confirmed() {
        RegistrationOutcome awa = register("Awa", "awa@example.org", null);
        long person = personOf(awa);

        DomainException noReason = assertThrows(DomainException.class, () -> erasure.erase(person, " ", false, "admin"));
        assertEquals("required", noReason.code());
        assertEquals("reason", noReason.problems().get(0).field());
        DomainException refused = assertThrows(DomainException.class,
                () -> erasure.erase(person, "Demande du 2 mai", false, "admin"));
        assertEquals("future_registration", refused.code());
        assertEquals("Awa", inTx(() -> sql.rows("SELECT first_name FROM person WHERE id = ?", person)).get(0).get("first_name"),
                "a refused erasure writes nothing");

        assertEquals(1, erasure.erase(person, "Demande du 2 mai", true, "admin"));
        DomainException again = assertThrows(DomainException.class,
                () -> erasure.erase(person, "Demande du 2 mai", true, "admin"));
        assertEquals("already_erased", again.code());
    }

    @Test
    void erasure_anonymises_the_person_and_revokes_her_link_feeds_and_badge_but_keeps_the_counts() {
        RegistrationOutcome awa = register("Awa", "awa@example.org", "Végétarienne");
        register("Binta", "binta@example.org", null);
        agendaTokens.issue(awa.id(), "personal-link");
        long person = personOf(awa);
        int badgeBefore = inTx(() -> ((Number) sql.rows("SELECT badge_version FROM registration WHERE id = ?", awa.id())
                .get(0).get("badge_version")).intValue());
        assertTrue(views.find(awa.secret()).isPresent());

        erasure.erase(person, "Demande écrite du 2 mai 2026", true, "admin");

        assertFalse(views.find(awa.secret()).isPresent(), "the personal link stops working");
        Map<String, Object> p = inTx(() -> sql.rows("SELECT first_name, last_name, email, phone, function_title FROM person WHERE id = ?", person)).get(0);
        assertEquals("Anonyme", p.get("first_name"));
        assertEquals("#" + person, p.get("last_name"));
        assertNull(p.get("email"));
        assertNull(p.get("phone"));
        assertNull(p.get("function_title"));
        Map<String, Object> d = inTx(() -> sql.rows("SELECT email, active_email, dietary_needs FROM registration_detail WHERE registration_id = ?", awa.id())).get(0);
        assertFalse(d.get("email").toString().contains("awa"));
        assertNull(d.get("active_email"));
        assertNull(d.get("dietary_needs"));
        assertEquals(0, inTx(() -> sql.count("SELECT COUNT(*) FROM calendar_token WHERE registration_id = ? AND revoked_at IS NULL", awa.id())),
                "agenda feeds revoked");
        assertEquals(badgeBefore + 1, inTx(() -> ((Number) sql.rows("SELECT badge_version FROM registration WHERE id = ?", awa.id())
                .get(0).get("badge_version")).intValue()), "a printed badge is superseded");
        assertEquals(0, inTx(() -> sql.count("SELECT COUNT(*) FROM mail_outbox WHERE registration_id = ? AND status = 'PENDING'", awa.id())));
        assertEquals(2, registrationsOfConference(), "counts stay");

        List<AuditEntry> log = audit.find(new AuditFilter(null, person, "admin", "person.erased", null, null), 10, 0);
        assertEquals(1, log.size());
        assertTrue(log.get(0).detail().startsWith("Demande écrite du 2 mai 2026"));
        assertEquals("person #" + person, log.get(0).oldValue());
        assertTrue(log.get(0).newValue().startsWith("Anonyme #" + person));
        assertEquals(1, audit.find(AuditFilter.all().forEvent(conference.id()), 100, 0).stream()
                .filter(e -> e.action().equals("registration.created") && e.entityId() == awa.id()).count(),
                "the event's log holds its registrations' entries");
    }

    @Test
    void an_unpaid_invoice_holds_erasure_back_and_keeps_the_invoice_as_issued() {
        RegistrationOutcome awa = register("Awa", "awa@example.org", null);
        moveConferenceTo("2025-07-08T09:00", "2025-07-09T18:30");
        unpaidInvoiceFor(awa);
        long person = personOf(awa);

        DomainException refused = assertThrows(DomainException.class, () -> erasure.erase(person, "Demande", false, "admin"));
        assertEquals("unpaid_invoice", refused.code());
        assertEquals("confirm", refused.problems().get(0).field());

        erasure.erase(person, "Demande", true, "admin");
        Map<String, Object> line = inTx(() -> sql.rows("SELECT l.description, i.customer_name FROM invoice_line l "
                + "JOIN invoice i ON i.id = l.invoice_id WHERE l.registration_id = ?", awa.id())).get(0);
        assertEquals("Awa Martin - 17es Rencontres", line.get("description"), "invoices stay as invoiced");
        assertEquals("Ville de Dijon", line.get("customer_name"));
    }

    @Test
    void retention_anonymises_an_event_past_its_retention_once_and_waits_for_unpaid_invoices() {
        RegistrationOutcome awa = register("Awa", "awa@example.org", null);
        RegistrationOutcome binta = register("Binta", "binta@example.org", null);
        moveConferenceTo("2024-03-01T09:00", "2024-03-02T18:00");
        unpaidInvoiceFor(binta);

        Retention.EventRetention before = retention.preview().get(0);
        assertTrue(before.due(), "ended in March 2024, due in March 2026 with 24 months");
        assertEquals(1, before.toAnonymise());
        assertEquals(1, before.heldByInvoice());
        assertEquals("Awa", inTx(() -> sql.rows("SELECT first_name FROM person WHERE id = ?", personOf(awa))).get(0).get("first_name"),
                "the preview changes nothing");

        Retention.Report first = retention.run("admin");
        assertEquals(1, first.registrations());
        assertEquals(1, first.persons());
        assertEquals(1, first.heldByInvoice());
        assertEquals("Anonyme", inTx(() -> sql.rows("SELECT first_name FROM person WHERE id = ?", personOf(awa))).get(0).get("first_name"));
        assertEquals("Binta", inTx(() -> sql.rows("SELECT first_name FROM person WHERE id = ?", personOf(binta))).get(0).get("first_name"));
        assertFalse(views.find(awa.secret()).isPresent());
        assertEquals(2, registrationsOfConference());

        Retention.Report second = retention.run("admin");
        assertEquals(0, second.registrations(), "idempotent");
        assertEquals(0, second.persons());
        assertEquals(1, audit.find(new AuditFilter(null, null, null, "retention.event_anonymised", null, null), 10, 0).size());
    }

    @Test
    void an_event_may_keep_its_data_longer_or_shorter_than_the_setting() {
        register("Awa", "awa@example.org", null);
        moveConferenceTo("2025-09-01T09:00", "2025-09-02T18:00");
        assertFalse(retention.preview().get(0).due(), "24 months after September 2025 is not yet");

        retention.setMonths(conference.id(), 6, "admin");
        Retention.EventRetention shorter = retention.preview().get(0);
        assertTrue(shorter.due());
        assertTrue(shorter.overridden());
        assertEquals(1, shorter.toAnonymise());
        assertEquals("default 24", audit.find(new AuditFilter(null, null, null, "retention.months_changed", null, null), 1, 0).get(0).oldValue());

        DomainException refused = assertThrows(DomainException.class, () -> retention.setMonths(conference.id(), 500, "admin"));
        assertEquals("retention_months_range", refused.code());
        retention.setMonths(conference.id(), null, "admin");
        assertFalse(retention.preview().get(0).due());
    }

    @Test
    void needs_are_erased_first_a_month_after_the_event_while_the_rest_stays() {
        RegistrationOutcome awa = register("Awa", "awa@example.org", "Sans gluten");
        moveConferenceTo("2026-03-01T09:00", "2026-03-02T18:00");

        Retention.Report report = retention.run(Retention.ACTOR);
        assertEquals(1, report.needsCleared());
        assertEquals(0, report.registrations());
        Map<String, Object> d = inTx(() -> sql.rows("SELECT email, dietary_needs FROM registration_detail WHERE registration_id = ?", awa.id())).get(0);
        assertNull(d.get("dietary_needs"));
        assertEquals("awa@example.org", d.get("email"));
    }

    @Test
    void two_instances_running_retention_together_anonymise_each_registration_once() throws Exception {
        for (int i = 0; i < 12; i++) {
            register("P" + i, "p" + i + "@example.org", null);
        }
        moveConferenceTo("2024-03-01T09:00", "2024-03-02T18:00");
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Retention.Report>> runs = List.of(pool.submit(() -> { start.await(); return retention.run("a"); }),
                    pool.submit(() -> { start.await(); return retention.run("b"); }));
            start.countDown();
            int total = 0;
            int persons = 0;
            for (Future<Retention.Report> run : runs) {
                total += run.get().registrations();
                persons += run.get().persons();
            }
            assertEquals(12, total, "each registration claimed by exactly one run");
            assertEquals(12, persons);
            assertEquals(12, inTx(() -> sql.count("SELECT COUNT(*) FROM anonymised_registration")));
            assertEquals(12, inTx(() -> sql.count("SELECT COUNT(*) FROM person_erasure")));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void the_access_export_holds_json_and_csv_of_her_registration_and_needs_only_when_asked() throws Exception {
        RegistrationOutcome awa = register("Awa", "awa@example.org", "Végétarienne");
        long person = personOf(awa);

        Map<String, String> plain = unzip(personData.ofPerson(person, false, "admin").zip());
        assertTrue(plain.keySet().containsAll(List.of("data.json", "person.csv", "registrations.csv", "invoices.csv", "scans.csv")));
        assertTrue(plain.get("data.json").contains("awa@example.org"));
        assertTrue(plain.get("data.json").contains("17es Rencontres de l'AICT"));
        assertTrue(plain.get("registrations.csv").contains("awa@example.org"));
        assertFalse(plain.get("data.json").contains("Végétarienne"), "needs only with the explicit option");
        assertFalse(plain.get("registrations.csv").contains("Végétarienne"));

        Map<String, String> withNeeds = unzip(personData.ofRegistration(awa.id(), true).zip());
        assertTrue(withNeeds.get("data.json").contains("Végétarienne"));
        assertEquals(2, audit.find(new AuditFilter(null, person, null, "person.data_exported", null, null), 10, 0).size());
    }

    @Test
    void a_published_notice_version_is_what_later_registrations_consent_to() {
        assertEquals("2026-01", notices.currentVersion(), "the setting's version until one is published");
        notices.publish("2026-05", "Texte de mai.\n\nDeuxième paragraphe.", "May text.", "admin");
        DomainException taken = assertThrows(DomainException.class, () -> notices.publish("2026-05", "x", "y", "admin"));
        assertEquals("privacy_version_taken", taken.code());
        DomainException empty = assertThrows(DomainException.class, () -> notices.publish("2026-06", " ", "y", "admin"));
        assertEquals("textFr", empty.problems().get(0).field());

        RegistrationOutcome awa = register("Awa", "awa@example.org", null);
        assertEquals("2026-05", inTx(() -> sql.rows("SELECT consent_version FROM registration_detail WHERE registration_id = ?", awa.id()))
                .get(0).get("consent_version"));
        assertEquals(List.of("Texte de mai.", "Deuxième paragraphe."), notices.current().paragraphs(java.util.Locale.FRENCH));
        assertTrue(notices.version("2026-01").isPresent(), "earlier versions stay readable");
        AuditEntry entry = audit.find(new AuditFilter(null, null, "admin", "privacy_notice.published", null, null), 1, 0).get(0);
        assertEquals("2026-01", entry.oldValue());
        assertEquals("2026-05", entry.newValue());
    }

    @Test
    void the_audit_log_of_a_person_edit_shows_old_and_new_values_and_filters_by_person_and_dates() {
        RegistrationOutcome awa = register("Awa", "awa@example.org", null);
        long person = personOf(awa);
        fr.cuf.rencontres.member.Person p = personService.get(person);
        personService.update(person, new fr.cuf.rencontres.member.PersonForm(p.firstName(), p.lastName(), p.functionTitle(),
                "awa.martin@example.org", p.phone(), p.organisationId(), p.electedOfficial()), "desk");

        List<AuditEntry> mine = audit.find(new AuditFilter(null, person, null, null, null, null), 10, 0);
        AuditEntry edit = mine.stream().filter(e -> e.action().equals("person.updated")).findFirst().orElseThrow();
        assertEquals("email: awa@example.org", edit.oldValue());
        assertEquals("email: awa.martin@example.org", edit.newValue());
        assertTrue(mine.stream().anyMatch(e -> e.action().equals("registration.created")), "her registrations' entries too");
        assertEquals(1, audit.count(new AuditFilter(null, person, "desk", null, null, null)));
        assertEquals(0, audit.count(new AuditFilter(null, person, null, null, java.time.LocalDate.parse("2026-05-02"), null)),
                "entries are dated by the clock (1 May 2026)");
        assertEquals(mine.size(), audit.count(new AuditFilter(null, person, null, null, java.time.LocalDate.parse("2026-05-01"),
                java.time.LocalDate.parse("2026-05-01"))));
    }

    private static Map<String, String> unzip(byte[] zip) throws Exception {
        Map<String, String> out = new HashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            ZipEntry e;
            while ((e = in.getNextEntry()) != null) {
                out.put(e.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return out;
    }
}
