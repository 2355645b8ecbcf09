package fr.cuf.rencontres.staff;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import fr.cuf.rencontres.mail.MailSender;
import fr.cuf.rencontres.mail.MailOutboxRepository;
import fr.cuf.rencontres.mail.OutboxMail;
import fr.cuf.rencontres.support.DatabaseTest;
import fr.cuf.rencontres.support.TestDatabase;
import io.micronaut.context.annotation.Property;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
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
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Staff mails (invitation, reset, lock-out) take the mail outbox, with a registration mail's guarantees: the link
 * waits sealed, a crash between the SMTP answer and the mark sends again with the same Message-ID, and senders of
 * several instances send each mail once. Through a real SMTP server (GreenMail, in-process).
 */
@DatabaseTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Property(name = "rencontres.clock.fixed", value = "2026-05-01T10:00:00+02:00")
@Property(name = "rencontres.public-url", value = "https://rencontres.example.org")
class StaffMailOutboxTest implements TestPropertyProvider {

    static final Instant NOW = Instant.parse("2026-05-01T08:00:00Z");
    static final Pattern LINK = Pattern.compile("https://rencontres\\.example\\.org/account/password/([A-Za-z0-9_-]+)");

    final int port = freePort();
    final GreenMail smtp = start();

    @Inject StaffAccounts accounts;
    @Inject PasswordLinks links;
    @Inject MailSender sender;
    @Inject MailOutboxRepository outbox;
    @Inject DataSource dataSource;

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
    void clean() throws Exception {
        TestDatabase.clean(dataSource);
        smtp.purgeEmailFromAllMailboxes();
    }

    private StaffAccount invite(String username) {
        return accounts.invite(new StaffAccounts.Form(username, "Test " + username, username + "@example.org",
                Set.of(Role.REGISTRATION_DESK)), "alice");
    }

    private static String text(MimeMessage mail) throws Exception {
        Object content = mail.getContent();
        return content instanceof Multipart parts ? String.valueOf(parts.getBodyPart(0).getContent()) : String.valueOf(content);
    }

    @Test
    void a_reset_mail_link_waits_sealed_and_is_written_only_when_the_mail_leaves() throws Exception {
        StaffAccount camille = invite("camille");
        assertEquals(1, sender.sendDue(NOW));
        smtp.purgeEmailFromAllMailboxes();

        accounts.resetPassword(camille.id(), "alice");
        OutboxMail waiting = outbox.findByAccountIdOrderById(camille.id()).get(1);
        assertEquals("STAFF_PASSWORD_RESET", waiting.kind().name());
        assertTrue(waiting.linkSecret() != null && waiting.linkSecret().startsWith("g1."), waiting.linkSecret());
        List<String> cells = cellsOfTheOutbox();

        assertEquals(1, sender.sendDue(NOW));
        MimeMessage mail = smtp.getReceivedMessages()[0];
        assertEquals("camille@example.org", mail.getAllRecipients()[0].toString());
        Matcher link = LINK.matcher(text(mail));
        assertTrue(link.find(), text(mail));
        String secret = link.group(1);
        assertTrue(cells.stream().noneMatch(cell -> cell.contains(secret)), "no column held the link's secret in clear");
        assertEquals("camille", links.accountOf(secret).orElseThrow().username(), "the mailed link works");
        OutboxMail sent = outbox.findById(waiting.id()).orElseThrow();
        assertEquals("SENT", sent.status());
        assertNull(sent.linkSecret(), "the sealed secret is erased once the mail left");
        assertTrue(mail.getMessageID().startsWith("<outbox-" + waiting.id() + "."), mail.getMessageID());
    }

    @Test
    void a_staff_mail_sent_again_after_a_crash_carries_the_same_message_id() throws Exception {
        StaffAccount camille = invite("camille");
        assertEquals(1, sender.sendDue(NOW));
        long id = outbox.findByAccountIdOrderById(camille.id()).get(0).id();
        // the sender died after the SMTP answer and before marking the row: SENDING until its lease ends
        try (Connection c = DelegatingDataSource.unwrapDataSource(dataSource).getConnection();
             PreparedStatement back = c.prepareStatement("UPDATE mail_outbox SET status = 'SENDING', lease_until = ? WHERE id = ?")) {
            back.setObject(1, OffsetDateTime.ofInstant(NOW, ZoneOffset.UTC));
            back.setLong(2, id);
            back.executeUpdate();
        }
        assertEquals(0, sender.sendDue(NOW.minus(Duration.ofSeconds(1))), "not before the lease ends");
        assertEquals(1, sender.sendDue(NOW.plus(Duration.ofMinutes(1))));
        MimeMessage[] received = smtp.getReceivedMessages();
        assertEquals(2, received.length);
        assertEquals(received[0].getMessageID(), received[1].getMessageID(), "the receiving server can drop the copy");
        assertEquals("SENT", outbox.findById(id).orElseThrow().status());
    }

    @Test
    void senders_of_several_instances_send_each_staff_mail_once() throws Exception {
        for (int i = 0; i < 8; i++) {
            invite("agent" + i);
        }
        ExecutorService instances = Executors.newFixedThreadPool(4);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Integer>> rounds = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            rounds.add(instances.submit(() -> {
                go.await();
                return sender.sendDue(NOW);
            }));
        }
        go.countDown();
        int sent = 0;
        for (Future<Integer> round : rounds) {
            sent += round.get(60, TimeUnit.SECONDS);
        }
        instances.shutdown();
        assertEquals(8, sent);
        assertEquals(8, smtp.getReceivedMessages().length);
        Set<String> recipients = new HashSet<>();
        for (MimeMessage m : smtp.getReceivedMessages()) {
            recipients.add(m.getAllRecipients()[0].toString());
        }
        assertEquals(8, recipients.size(), "each account got its invitation once");
    }

    private List<String> cellsOfTheOutbox() throws Exception {
        List<String> cells = new ArrayList<>();
        try (Connection c = DelegatingDataSource.unwrapDataSource(dataSource).getConnection();
             ResultSet rows = c.createStatement().executeQuery("SELECT * FROM mail_outbox")) {
            while (rows.next()) {
                for (int i = 1; i <= rows.getMetaData().getColumnCount(); i++) {
                    String cell = rows.getString(i);
                    if (cell != null) {
                        cells.add(cell);
                    }
                }
            }
        }
        assertTrue(!cells.isEmpty());
        return cells;
    }
}
