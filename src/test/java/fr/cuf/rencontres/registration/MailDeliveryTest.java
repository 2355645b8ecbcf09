package fr.cuf.rencontres.registration;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import fr.cuf.rencontres.event.Event;
import fr.cuf.rencontres.mail.MailOutboxRepository;
import fr.cuf.rencontres.mail.MailSender;
import fr.cuf.rencontres.mail.OutboxClaims;
import fr.cuf.rencontres.mail.OutboxMail;
import fr.cuf.rencontres.member.Organisation;
import fr.cuf.rencontres.schedule.Session;
import fr.cuf.rencontres.support.DatabaseTest;
import fr.cuf.rencontres.support.TestDatabase;
import io.micronaut.context.annotation.Property;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import javax.sql.DataSource;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Mails go through a real SMTP server (GreenMail, in-process) and survive its outage. */
@DatabaseTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Property(name = "rencontres.clock.fixed", value = "2026-05-01T10:00:00+02:00")
@Property(name = "rencontres.public-url", value = "https://rencontres.example.org")
class MailDeliveryTest implements TestPropertyProvider {

    static final Instant NOW = Instant.parse("2026-05-01T08:00:00Z");

    final int port = freePort();
    GreenMail smtp = start();

    @Inject RegistrationService service;
    @Inject RegistrationChanges changes;
    @Inject MailSender sender;
    @Inject MailOutboxRepository outbox;
    @Inject RegistrationFixtures fixtures;
    @Inject DataSource dataSource;
    @Inject OutboxClaims claims;

    Event event;
    Organisation dijon;
    Session workshop;

    @Override
    public Map<String, String> getProperties() {
        return Map.of("javamail.properties.mail.smtp.host", "127.0.0.1",
                "javamail.properties.mail.smtp.port", String.valueOf(port));
    }

    private GreenMail start() {
        GreenMail server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
        return server;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @AfterAll
    void stop() {
        smtp.stop();
    }

    @BeforeEach
    void data() throws Exception {
        TestDatabase.clean(dataSource);
        smtp.purgeEmailFromAllMailboxes();
        dijon = fixtures.member();
        event = fixtures.conference(fixtures.venue(), null);
        workshop = fixtures.session(event, "Atelier Climat", LocalDateTime.parse("2026-07-08T14:30"), null, 50, false);
    }

    private RegistrationOutcome register(String email, String locale) {
        RegistrationRequest r = RegistrationFixtures.request("Awa", email, dijon, List.of(workshop.id()), false);
        return service.register(event.slug(), RegistrationRequest.builder()
                .name(r.firstName(), r.lastName()).functionTitle(r.functionTitle()).email(r.email())
                .organisationId(r.organisationId()).participantType(r.participantType()).consent(true)
                .sessionIds(r.sessionIds()).locale(locale).build(), Submission.form(null));
    }

    @Test
    void the_confirmation_carries_the_personal_link_and_the_agenda() throws Exception {
        RegistrationOutcome o = register("awa@example.org", "fr");
        assertEquals(1, sender.sendDue(NOW));
        MimeMessage[] received = smtp.getReceivedMessages();
        assertEquals(1, received.length);
        MimeMessage mail = received[0];
        assertEquals("awa@example.org", mail.getAllRecipients()[0].toString());
        assertTrue(mail.getSubject().startsWith("Votre inscription"), mail.getSubject());
        String body = GreenMailUtil.getBody(mail);
        Multipart parts = (Multipart) mail.getContent();
        String text = String.valueOf(parts.getBodyPart(0).getContent());
        assertTrue(text.contains("https://rencontres.example.org/me/" + o.secret()), text);
        assertTrue(text.contains("Atelier Climat"), text);
        // the body's template (views/mail/registration.hbs) lays it out as before: greeting, what happened,
        // status and price, the sessions, the link, the signature; plain text, nothing escaped as HTML
        String[] lines = text.replace("\r\n", "\n").split("\n", -1);
        assertTrue(lines[0].startsWith("Bonjour Awa ") && lines[1].isEmpty(), text);
        assertTrue(lines[2].startsWith("Votre inscription à « ") && lines[3].isEmpty(), text);
        assertTrue(lines[4].startsWith("Statut : "), text);
        int i = lines[5].startsWith("Tarif : ") ? 6 : 5;
        assertTrue(lines[i].startsWith("  • ") && lines[i].endsWith(" – Atelier Climat") && lines[i + 1].isEmpty(), text);
        assertEquals("Votre lien personnel pour consulter, modifier ou annuler votre inscription : "
                + "https://rencontres.example.org/me/" + o.secret(), lines[i + 2]);
        assertTrue(lines[i + 3].isEmpty() && lines[i + 4].equals("L'équipe de Cités Unies France"), text);
        assertTrue(!text.contains("&#") && !text.contains("&amp;"), text);
        String ics = new String(parts.getBodyPart(1).getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(parts.getBodyPart(1).getContentType().startsWith("text/calendar"), parts.getBodyPart(1).getContentType());
        assertEquals("agenda.ics", parts.getBodyPart(1).getFileName());
        assertTrue(ics.contains("BEGIN:VTIMEZONE") && ics.contains("TZID:Europe/Paris"), ics);
        assertTrue(ics.contains("DTSTART;TZID=Europe/Paris:20260708T143000"), ics);
        assertTrue(ics.contains("SUMMARY:Atelier Climat"), ics);
        assertTrue(ics.contains("UID:session-" + workshop.id() + "@rencontres.example.org"),
                "the personal feed's UID, so a calendar holding both keeps one entry");
        assertTrue(ics.contains("SEQUENCE:") && ics.contains("LOCATION:"), ics);
        assertTrue(body.length() > 0);
        OutboxMail row = outbox.findByRegistrationIdOrderById(o.id()).get(0);
        assertEquals("SENT", row.status());
        assertNull(row.linkSecret(), "the secret is erased once the mail left");
        assertEquals(0, sender.sendDue(NOW), "a sent mail is never sent again");
    }

    @Test
    void senders_of_several_instances_never_send_a_mail_twice() throws Exception {
        for (int i = 0; i < 12; i++) {
            register("p" + i + "@example.org", "fr");
        }
        java.util.concurrent.ExecutorService instances = java.util.concurrent.Executors.newFixedThreadPool(4);
        java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
        List<java.util.concurrent.Future<Integer>> rounds = new java.util.ArrayList<>();
        for (int i = 0; i < 4; i++) {
            rounds.add(instances.submit(() -> {
                go.await();
                return sender.sendDue(NOW);
            }));
        }
        go.countDown();
        int sent = 0;
        for (java.util.concurrent.Future<Integer> r : rounds) {
            sent += r.get(60, java.util.concurrent.TimeUnit.SECONDS);
        }
        instances.shutdown();
        assertEquals(12, sent);
        assertEquals(12, smtp.getReceivedMessages().length);
        java.util.Set<String> ids = new java.util.HashSet<>();
        for (MimeMessage m : smtp.getReceivedMessages()) {
            ids.add(m.getMessageID());
        }
        assertEquals(12, ids.size(), "one Message-ID per outbox row");
    }

    @Test
    void a_personal_link_waits_in_the_outbox_sealed_never_in_clear() throws Exception {
        RegistrationOutcome o = register("awa@example.org", "fr");
        OutboxMail waiting = outbox.findByRegistrationIdOrderById(o.id()).get(0);
        assertTrue(waiting.linkSecret() != null && !waiting.linkSecret().contains(o.secret()),
                "the row holds a sealed value, not the secret: " + waiting.linkSecret());
        try (java.sql.Connection c = io.micronaut.data.connection.jdbc.advice.DelegatingDataSource.unwrapDataSource(dataSource).getConnection();
             java.sql.ResultSet rows = c.createStatement().executeQuery("SELECT * FROM mail_outbox")) {
            while (rows.next()) {
                for (int i = 1; i <= rows.getMetaData().getColumnCount(); i++) {
                    String cell = rows.getString(i);
                    assertTrue(cell == null || !cell.contains(o.secret()), "no column holds the secret in clear");
                }
            }
        }
        assertEquals(1, sender.sendDue(NOW));
        String text = String.valueOf(((Multipart) smtp.getReceivedMessages()[0].getContent()).getBodyPart(0).getContent());
        assertTrue(text.contains("https://rencontres.example.org/me/" + o.secret()), "opened at send time: " + text);
    }

    @Test
    void a_claimed_mail_is_leased_and_taken_again_only_once_its_lease_expired() {
        RegistrationOutcome o = register("awa@example.org", "fr");
        List<OutboxMail> claimed = claims.claim(NOW, NOW.plus(Duration.ofMinutes(5)), 10);
        assertEquals(1, claimed.size());
        OutboxMail row = outbox.findByRegistrationIdOrderById(o.id()).get(0);
        assertEquals("SENDING", row.status());
        assertEquals(NOW.plus(Duration.ofMinutes(5)), row.leaseUntil());
        assertEquals(0, claims.claim(NOW.plus(Duration.ofMinutes(4)), NOW.plus(Duration.ofMinutes(9)), 10).size(),
                "nobody else takes a leased row");
        assertEquals(0, sender.sendDue(NOW.plus(Duration.ofMinutes(4))));
        // the claiming sender died: once the lease is over, another one sends the mail
        assertEquals(1, sender.sendDue(NOW.plus(Duration.ofMinutes(6))));
        assertEquals(1, smtp.getReceivedMessages().length);
        assertEquals("SENT", outbox.findByRegistrationIdOrderById(o.id()).get(0).status());
    }

    @Test
    void a_sender_whose_lease_ran_out_mid_batch_leaves_the_row_to_the_sender_that_took_it() {
        RegistrationOutcome o = register("awa@example.org", "fr");
        Instant slowLease = NOW.plus(Duration.ofMinutes(5));
        long id = claims.claim(NOW, slowLease, 10).get(0).id();
        Instant otherLease = NOW.plus(Duration.ofMinutes(11));
        assertEquals(1, claims.claim(NOW.plus(Duration.ofMinutes(6)), otherLease, 10).size(), "taken by another sender");
        assertTrue(!claims.renew(id, slowLease, NOW.plus(Duration.ofMinutes(12))), "the slow sender no longer holds it");
        assertTrue(claims.renew(id, otherLease, NOW.plus(Duration.ofMinutes(12))), "the other one does");
        assertEquals("SENDING", outbox.findByRegistrationIdOrderById(o.id()).get(0).status());
    }

    @Test
    void a_mail_sent_again_after_a_crash_carries_the_same_message_id() throws Exception {
        RegistrationOutcome o = register("awa@example.org", "fr");
        assertEquals(1, sender.sendDue(NOW));
        long id = outbox.findByRegistrationIdOrderById(o.id()).get(0).id();
        // a sender crashed after the SMTP answer and before marking the row: it stays SENDING until its lease ends
        try (java.sql.Connection c = io.micronaut.data.connection.jdbc.advice.DelegatingDataSource.unwrapDataSource(dataSource).getConnection();
             java.sql.PreparedStatement back = c.prepareStatement(
                     "UPDATE mail_outbox SET status = 'SENDING', lease_until = ? WHERE id = ?")) {
            back.setObject(1, java.time.OffsetDateTime.ofInstant(NOW, java.time.ZoneOffset.UTC));
            back.setLong(2, id);
            back.executeUpdate();
        }
        assertEquals(1, sender.sendDue(NOW.plus(Duration.ofMinutes(1))));
        MimeMessage[] received = smtp.getReceivedMessages();
        assertEquals(2, received.length);
        assertEquals(received[0].getMessageID(), received[1].getMessageID(),
                "the receiving server can drop the copy");
        assertTrue(received[0].getMessageID().startsWith("<outbox-" + id + "."), received[0].getMessageID());
    }

    @Test
    void changing_sessions_on_the_personal_page_mails_the_updated_agenda() throws Exception {
        RegistrationOutcome o = register("awa@example.org", "fr");
        sender.sendDue(NOW);
        Session other = fixtures.session(event, "Atelier Genre", LocalDateTime.parse("2026-07-09T10:00"), null, 50, false);
        changes.changeSessions(o.id(), List.of(other.id()), "personal-link");
        assertEquals(1, sender.sendDue(NOW));
        MimeMessage mail = smtp.getReceivedMessages()[1];
        assertTrue(mail.getSubject().startsWith("Vos séances ont changé"), mail.getSubject());
        String ics = new String(((Multipart) mail.getContent()).getBodyPart(1).getInputStream().readAllBytes(),
                java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(ics.contains("SUMMARY:Atelier Genre") && !ics.contains("SUMMARY:Atelier Climat"), ics);
        changes.changeSessions(o.id(), List.of(other.id()), "personal-link");
        assertEquals(0, sender.sendDue(NOW), "saving the same choice again changes nothing and mails nothing");
    }

    @Test
    void mails_follow_the_registrant_language() throws Exception {
        register("awa@example.org", "en");
        sender.sendDue(NOW);
        assertTrue(smtp.getReceivedMessages()[0].getSubject().startsWith("Your registration"));
    }

    @Test
    void an_smtp_outage_delays_mail_but_never_loses_it() throws Exception {
        smtp.stop();
        RegistrationOutcome o = register("awa@example.org", "fr");
        assertEquals(0, sender.sendDue(NOW));
        OutboxMail failed = outbox.findByRegistrationIdOrderById(o.id()).get(0);
        assertEquals("PENDING", failed.status());
        assertEquals(1, failed.attempts());
        assertTrue(failed.nextAttemptAt().isAfter(NOW), "retried later, with backoff");
        assertEquals(0, sender.sendDue(NOW), "not retried before its time");
        smtp = start();
        assertEquals(1, sender.sendDue(NOW.plus(Duration.ofMinutes(2))));
        assertEquals(1, smtp.getReceivedMessages().length);
        assertEquals("SENT", outbox.findByRegistrationIdOrderById(o.id()).get(0).status());
    }
}
