package fr.cuf.rencontres.registration;

import fr.cuf.rencontres.event.Event;
import fr.cuf.rencontres.event.Room;
import fr.cuf.rencontres.event.Venue;
import fr.cuf.rencontres.mail.MailKind;
import fr.cuf.rencontres.mail.MailOutboxRepository;
import fr.cuf.rencontres.mail.OutboxMail;
import fr.cuf.rencontres.mail.OutboxSeal;
import fr.cuf.rencontres.member.Organisation;
import fr.cuf.rencontres.schedule.Session;
import fr.cuf.rencontres.support.DatabaseTest;
import fr.cuf.rencontres.support.DomainException;
import fr.cuf.rencontres.support.TestDatabase;
import io.micronaut.context.annotation.Property;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import javax.sql.DataSource;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

@DatabaseTest
@Property(name = "rencontres.clock.fixed", value = "2026-05-01T10:00:00+02:00")
class RegistrationRulesTest {

    @Inject RegistrationService service;
    @Inject OutboxSeal seal;
    @Inject RegistrationChanges changes;
    @Inject RegistrationViews views;
    @Inject RegistrationMails mails;
    @Inject MailOutboxRepository outbox;
    @Inject QuestionRepository questions;
    @Inject RegistrationFixtures fixtures;
    @Inject DataSource dataSource;
    @Inject fr.cuf.rencontres.support.AuditLog audit;
    @Inject RegistrationWrites writes;
    @Inject fr.cuf.rencontres.support.DatabaseVendor database;

    Venue venue;
    Organisation dijon;
    Organisation lyon;

    @BeforeEach
    void data() {
        TestDatabase.clean(dataSource);
        venue = fixtures.venue();
        dijon = fixtures.member();
        lyon = fixtures.nonMember();
    }

    private RegistrationOutcome register(Event event, String email, Organisation o, List<Long> sessions, boolean wait) {
        return service.register(event.slug(), RegistrationFixtures.request("Awa", email, o, sessions, wait),
                Submission.api(null));
    }

    private DomainException refused(Runnable action) {
        return assertThrows(DomainException.class, action::run);
    }

    @Test
    void price_comes_from_membership_for_the_event_year_not_from_the_registrant() {
        Event event = fixtures.conference(venue, null);
        fixtures.prices(event);
        RegistrationOutcome member = register(event, "a@example.org", dijon, List.of(), false);
        RegistrationOutcome nonMember = register(event, "b@example.org", lyon, List.of(), false);
        RegistrationOutcome foreign = register(event, "c@example.org", fixtures.foreign(), List.of(), false);
        assertEquals("member", member.quote().categoryCode());
        assertEquals(RegistrationStatus.CONFIRMED, member.status(), "free categories confirm at once");
        assertEquals("non-member", nonMember.quote().categoryCode());
        assertEquals(12000, nonMember.quote().priceCents());
        assertEquals(RegistrationStatus.PENDING_PAYMENT, nonMember.status());
        assertEquals("foreign", foreign.quote().categoryCode());
        assertEquals(12000, views.get(nonMember.id()).registration().priceCents(), "the price is stored");
    }

    /** Both ways of writing a registration (one statement on PostgreSQL, one per row) store the same rows. */
    @ParameterizedTest(name = "in one statement: {0}")
    @ValueSource(booleans = {true, false})
    void a_registration_is_stored_with_its_choices_audit_entry_mail_and_idempotency_key(boolean atOnce) {
        assumeTrue(!atOnce || database.postgres(), "H2 has no data-modifying WITH");
        boolean was = writes.atOnce;
        writes.atOnce = atOnce;
        try {
            storedWithItsRows();
        } finally {
            writes.atOnce = was;
        }
    }

    private void storedWithItsRows() {
        Event event = fixtures.conference(venue, 1);
        fixtures.prices(event);
        Session workshop = fixtures.session(event, "Atelier Climat", LocalDateTime.parse("2026-07-08T14:30"), null, 5, false);
        RegistrationOutcome first = service.register(event.slug(),
                RegistrationFixtures.request("Awa", "Awa@Example.org", dijon, List.of(workshop.id()), false),
                Submission.api("key-1"));

        RegistrationView stored = views.get(first.id());
        assertEquals(RegistrationStatus.CONFIRMED, stored.registration().status());
        assertEquals("member", stored.registration().priceCategory());
        assertEquals("awa@example.org", stored.detail().email());
        assertEquals("fr", stored.detail().locale());
        assertEquals(PersonalLinks.hash(first.secret()), stored.detail().secretHash(), "the personal link opens it");
        assertNotNull(stored.detail().consentedAt());
        assertEquals(List.of("CONFIRMED"), stored.choices().stream().map(RegistrationView.ChoiceView::status).toList());
        assertEquals(List.of("awa@example.org CONFIRMED member 0"),
                audit.of("registration", first.id()).stream().map(fr.cuf.rencontres.support.AuditEntry::detail).toList());
        List<OutboxMail> queued = mailsOf(first.id());
        assertEquals(1, queued.size());
        assertEquals(MailKind.CONFIRMATION, queued.get(0).kind());
        assertEquals("awa@example.org", queued.get(0).recipient());
        assertNotEquals(first.secret(), queued.get(0).linkSecret(), "the link waits sealed, not in clear");
        assertEquals(first.secret(), seal.open(queued.get(0).linkSecret()), "the confirmation carries the personal link");

        RegistrationOutcome retry = service.register(event.slug(),
                RegistrationFixtures.request("Awa", "awa@example.org", dijon, List.of(workshop.id()), false),
                Submission.api("key-1"));
        assertEquals(first.id(), retry.id(), "the Idempotency-Key was stored with the registration");
        assertEquals(first.secret(), retry.secret());

        // the event's only seat is taken: the next person waits, for the event and for the session
        RegistrationOutcome waiting = register(event, "b@example.org", dijon, List.of(workshop.id()), true);
        RegistrationView waits = views.get(waiting.id());
        assertEquals(RegistrationStatus.WAITLISTED, waits.registration().status());
        assertEquals(1L, waits.detail().waitlistSeq());
        assertEquals(List.of("WAITLISTED"), waits.choices().stream().map(RegistrationView.ChoiceView::status).toList());
        assertEquals(MailKind.WAITLISTED, mailsOf(waiting.id()).get(0).kind());
        assertEquals(1, mailsOf(waiting.id()).size());
    }

    /** Awa (officer of Dijon) registers herself with Jean Dupont (elected official) and Léa Roux. */
    private RegistrationRequest awaWithJeanAndLea() {
        RegistrationRequest base = RegistrationFixtures.request("Awa", "a@example.org", dijon, List.of(), false);
        return base.toBuilder().colleagues(List.of(
                new RegistrationRequest.Colleague("Jean", "Dupont", "Maire adjoint", "jean@example.org", ParticipantType.ELECTED_OFFICIAL),
                new RegistrationRequest.Colleague("Léa", "Roux", null, "lea@example.org", null))).build();
    }

    private List<OutboxMail> mailsOf(long registrationId) {
        List<OutboxMail> found = new java.util.ArrayList<>();
        outbox.findAll().forEach(m -> {
            if (m.registrationId() == registrationId) {
                found.add(m);
            }
        });
        return found;
    }

    @Test
    void a_speaker_gets_the_speaker_category_whatever_the_organisation() {
        Event event = fixtures.conference(venue, null);
        fixtures.prices(event);
        RegistrationRequest r = RegistrationFixtures.request("Awa", "s@example.org", lyon, List.of(), false);
        RegistrationRequest speaker = RegistrationRequest.builder()
                .name(r.firstName(), r.lastName()).functionTitle(r.functionTitle()).email(r.email())
                .organisationId(r.organisationId()).participantType(ParticipantType.SPEAKER).consent(true).locale("fr")
                .build();
        assertEquals("speaker", service.register(event.slug(), speaker, Submission.api(null)).quote().categoryCode());
    }

    @Test
    void members_only_events_and_sessions_refuse_non_members_and_say_how_to_join() {
        Event closedShop = fixtures.conference(venue, "club-outre-mer", null, true, LocalDateTime.parse("2026-04-01T09:00"));
        DomainException e = refused(() -> register(closedShop, "b@example.org", lyon, List.of(), false));
        assertEquals("members_only", e.code());
        assertEquals(DomainException.Kind.FORBIDDEN, e.kind());
        assertNotNull(register(closedShop, "a@example.org", dijon, List.of(), false));

        Event open = fixtures.conference(venue, null);
        Session board = fixtures.session(open, "Bureau", LocalDateTime.parse("2026-07-08T14:30"), null, 20, true);
        assertEquals("members_only_session",
                refused(() -> register(open, "b@example.org", lyon, List.of(board.id()), false)).code());
    }

    @Test
    void registration_is_refused_before_opening_and_after_closing() {
        Event later = fixtures.conference(venue, "later", null, false, LocalDateTime.parse("2026-06-01T09:00"));
        assertEquals("registration_not_open", refused(() -> register(later, "a@example.org", dijon, List.of(), false)).code());
        RegistrationOutcome desk = service.register(later.slug(),
                RegistrationFixtures.request("Awa", "a@example.org", dijon, List.of(), false), Submission.desk("desk", false));
        assertEquals(RegistrationStatus.CONFIRMED, desk.status(), "the desk registers on the spot");
    }

    @Test
    void one_session_per_parallel_block() {
        Event event = fixtures.conference(venue, null);
        Session a = fixtures.session(event, "Point Sénégal", LocalDateTime.parse("2026-07-08T14:30"), null, 20, false);
        Session b = fixtures.session(event, "Point Arménie", LocalDateTime.parse("2026-07-08T14:30"), null, 20, false);
        Session c = fixtures.session(event, "Point Japon", LocalDateTime.parse("2026-07-08T16:30"), null, 20, false);
        assertEquals("sessions_overlap", refused(() -> register(event, "a@example.org", dijon, List.of(a.id(), b.id()), false)).code());
        assertEquals(2, register(event, "a@example.org", dijon, List.of(a.id(), c.id()), false).sessions().size());
    }

    @Test
    void session_capacity_defaults_to_its_room() {
        Event event = fixtures.conference(venue, null);
        Room small = fixtures.room(venue, "Salon Eiffel", 1);
        Session s = fixtures.session(event, "Atelier Genre", LocalDateTime.parse("2026-07-08T14:30"), small, null, false);
        register(event, "a@example.org", dijon, List.of(s.id()), false);
        assertEquals("session_full", refused(() -> register(event, "b@example.org", dijon, List.of(s.id()), false)).code());
        RegistrationOutcome waiting = register(event, "b@example.org", dijon, List.of(s.id()), true);
        assertEquals("WAITLISTED", waiting.sessions().get(0).status());
        assertEquals(RegistrationStatus.CONFIRMED, waiting.status(), "the event seat is kept");
    }

    @Test
    void a_cancellation_promotes_the_first_on_the_waiting_list_and_tells_them() {
        Event event = fixtures.conference(venue, 2);
        RegistrationOutcome first = register(event, "a@example.org", dijon, List.of(), true);
        register(event, "b@example.org", dijon, List.of(), true);
        RegistrationOutcome third = register(event, "c@example.org", dijon, List.of(), true);
        RegistrationOutcome fourth = register(event, "d@example.org", dijon, List.of(), true);
        assertEquals(RegistrationStatus.WAITLISTED, third.status());
        assertEquals("event_full", refused(() -> register(event, "e@example.org", dijon, List.of(), false)).code());

        assertEquals(List.of(third.id()), changes.cancel(first.id(), "test", true));
        assertEquals(RegistrationStatus.CONFIRMED, views.get(third.id()).registration().status());
        assertEquals(RegistrationStatus.WAITLISTED, views.get(fourth.id()).registration().status());
        assertTrue(outbox.findByRegistrationIdOrderById(third.id()).stream().anyMatch(m -> m.kind() == MailKind.PROMOTED));
        assertTrue(outbox.findByRegistrationIdOrderById(first.id()).stream().anyMatch(m -> m.kind() == MailKind.CANCELLED));
        assertEquals(List.of(), changes.cancel(first.id(), "test", true), "cancelling twice changes nothing");
    }

    @Test
    void a_freed_session_seat_goes_to_the_first_waiting_for_it() {
        Event event = fixtures.conference(venue, null);
        Session s = fixtures.session(event, "Atelier Climat", LocalDateTime.parse("2026-07-08T14:30"), null, 1, false);
        Session other = fixtures.session(event, "Atelier Genre", LocalDateTime.parse("2026-07-08T14:30"), null, 10, false);
        RegistrationOutcome holder = register(event, "a@example.org", dijon, List.of(s.id()), true);
        RegistrationOutcome waiting = register(event, "b@example.org", dijon, List.of(s.id()), true);
        changes.changeSessions(holder.id(), List.of(other.id()), "test");
        assertTrue(views.get(waiting.id()).choices().get(0).held());
        assertTrue(outbox.findByRegistrationIdOrderById(waiting.id()).stream()
                .anyMatch(m -> m.kind() == MailKind.SESSION_PROMOTED));
    }

    @Test
    void a_second_active_registration_of_one_email_is_refused_with_the_way_to_manage_it() {
        Event event = fixtures.conference(venue, null);
        RegistrationOutcome first = register(event, "a@example.org", dijon, List.of(), false);
        DomainException e = refused(() -> register(event, "A@Example.org ", dijon, List.of(), false));
        assertEquals("already_registered", e.code());
        assertEquals(DomainException.Kind.CONFLICT, e.kind());
        changes.cancel(first.id(), "test", false);
        assertNotNull(register(event, "a@example.org", dijon, List.of(), false), "after cancelling one may register again");
    }

    @Test
    void a_retry_with_the_same_idempotency_key_returns_the_first_result() {
        Event event = fixtures.conference(venue, null);
        RegistrationRequest r = RegistrationFixtures.request("Awa", "a@example.org", dijon, List.of(), false);
        RegistrationOutcome first = service.register(event.slug(), r, Submission.api("key-123"));
        RegistrationOutcome retry = service.register(event.slug(), r, Submission.api("key-123"));
        assertEquals(first.id(), retry.id());
        assertEquals(first.secret(), retry.secret(), "the personal link comes back too");
        assertTrue(retry.replayed());
        assertEquals(1, TestSql.count(dataSource, "SELECT COUNT(*) FROM registration"));
    }

    @Test
    void a_group_registration_gives_each_colleague_a_registration_and_link_managed_by_the_submitter() {
        Event event = fixtures.conference(venue, null);
        RegistrationRequest group = awaWithJeanAndLea();
        RegistrationOutcome outcome = service.register(event.slug(), group, Submission.form(null));
        assertEquals(2, outcome.colleagues().size());
        assertTrue(outcome.colleagues().stream().allMatch(c -> c.secret() != null && !c.secret().equals(outcome.secret())));
        RegistrationView submitter = views.bySecret(outcome.secret());
        assertEquals(2, submitter.group().size());
        long jean = outcome.colleagues().stream().filter(c -> c.email().equals("jean@example.org")).findFirst().orElseThrow().id();
        assertEquals(ParticipantType.ELECTED_OFFICIAL, views.get(jean).registration().participantType());
        changes.cancel(changes.authorise(submitter, jean), "group", true);
        assertEquals(RegistrationStatus.CANCELLED, views.get(jean).registration().status());
        RegistrationView colleague = views.bySecret(outcome.colleagues().get(1).secret());
        assertEquals("not_your_registration", refused(() -> changes.authorise(colleague, outcome.id())).code());
        assertEquals(3, outbox.count() - 1, "three confirmations and one cancellation");
    }

    @Test
    void a_retried_group_submission_returns_the_whole_group_without_registering_it_twice() {
        Event event = fixtures.conference(venue, null);
        RegistrationRequest group = awaWithJeanAndLea();
        RegistrationOutcome first = service.register(event.slug(), group, Submission.form("group-key"));
        RegistrationOutcome retry = service.register(event.slug(), group, Submission.form("group-key"));
        assertTrue(retry.replayed());
        assertEquals(first.id(), retry.id());
        assertEquals(first.secret(), retry.secret());
        assertEquals(first.colleagues().stream().map(RegistrationOutcome::id).sorted().toList(),
                retry.colleagues().stream().map(RegistrationOutcome::id).sorted().toList());
        assertEquals(3, TestSql.count(dataSource, "SELECT COUNT(*) FROM registration"));
        assertEquals(1, TestSql.count(dataSource, "SELECT COUNT(*) FROM idempotency_key"),
                "the key is stored once, with the submitter's registration");
    }

    @Test
    void required_questions_must_be_answered_with_offered_choices() {
        Event event = fixtures.conference(venue, null);
        Question q = questions.save(new Question(null, event.id(), 1, QuestionKind.SINGLE_CHOICE, "Atelier préféré",
                "Preferred workshop", "Climat\nGenre", true, Instant.now()));
        DomainException missing = refused(() -> register(event, "a@example.org", dijon, List.of(), false));
        assertEquals("answer_required", missing.code());
        assertEquals("answers." + q.id(), missing.problems().get(0).field());
        RegistrationRequest r = RegistrationFixtures.request("Awa", "a@example.org", dijon, List.of(), false);
        RegistrationRequest wrong = withAnswers(r, Map.of(String.valueOf(q.id()), List.of("Sport")));
        assertEquals("invalid_choice", refused(() -> service.register(event.slug(), wrong, Submission.api(null))).code());
        RegistrationOutcome ok = service.register(event.slug(), withAnswers(r, Map.of(String.valueOf(q.id()), List.of("Genre"))),
                Submission.api(null));
        assertEquals("Genre", views.get(ok.id()).answers().get(0).answer());
    }

    @Test
    void a_new_organisation_is_created_for_staff_review_and_consent_is_recorded() {
        Event event = fixtures.conference(venue, null);
        RegistrationOutcome o = register(event, "a@example.org", null, List.of(), false);
        RegistrationView v = views.get(o.id());
        assertEquals("Nouvelle association", v.organisation().name());
        assertEquals(1, TestSql.count(dataSource, "SELECT COUNT(*) FROM organisation_review WHERE reviewed_at IS NULL"));
        assertEquals("2026-01", v.detail().consentVersion());
        assertEquals(Instant.parse("2026-05-01T08:00:00Z"), v.detail().consentedAt());
    }

    @Test
    void a_refused_registration_leaves_no_mail_in_the_outbox() {
        Event event = fixtures.conference(venue, null);
        Session s = fixtures.session(event, "Atelier Climat", LocalDateTime.parse("2026-07-08T14:30"), null, 1, false);
        register(event, "a@example.org", dijon, List.of(s.id()), false);
        long before = outbox.count();
        RegistrationRequest group = RegistrationRequest.builder().name("Jean", "Dupont")
                .email("jean@example.org").organisationId(dijon.id()).participantType(ParticipantType.OFFICER)
                .consent(true).sessionIds(List.of(s.id()))
                .colleagues(List.of(new RegistrationRequest.Colleague("Léa", "Roux", null, "lea@example.org", null)))
                .locale("fr").build();
        refused(() -> service.register(event.slug(), group, Submission.api(null)));
        assertEquals(before, outbox.count(), "the rolled-back registration queued nothing");
        assertEquals(1, TestSql.count(dataSource, "SELECT COUNT(*) FROM registration"));
    }

    @Test
    void programme_changes_are_mailed_to_the_holders_of_a_session() {
        Event event = fixtures.conference(venue, null);
        Session s = fixtures.session(event, "Atelier Climat", LocalDateTime.parse("2026-07-08T14:30"), null, 10, false);
        register(event, "a@example.org", dijon, List.of(s.id()), false);
        register(event, "b@example.org", dijon, List.of(), false);
        assertEquals(1, mails.programmeChanged(event.id(), s.id(), "Salle Iéna à 15:00"));
        assertEquals(2, mails.programmeChanged(event.id(), null, "Ouverture à 9:30"));
    }

    private static RegistrationRequest withAnswers(RegistrationRequest r, Map<String, List<String>> answers) {
        return r.toBuilder().answers(answers).build();
    }
}
