package fr.cuf.rencontres.journey;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real SMTP server in the test JVM (GreenMail) that the packaged service sends its mail to; a journey reads
 * what a participant would find in her inbox: subject, text, links, attachments.
 */
public final class Mailbox implements AutoCloseable {

    private static final Pattern LINK = Pattern.compile("https?://[^\\s\"'<>)]+");

    private final GreenMail server;
    private final int port;

    public Mailbox() {
        this.port = freePort();
        this.server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
    }

    int port() {
        return port;
    }

    /** Waits (up to 30 s) for the {@code count}-th mail to {@code address}, and returns all mails to it. */
    public List<Mail> awaitMails(String address, int count) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (Instant.now().isBefore(deadline)) {
            List<Mail> mails = to(address);
            if (mails.size() >= count) {
                return mails;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new AssertionError("expected " + count + " mail(s) to " + address + " within 30 s, got " + to(address).size()
                + "; all recipients: " + recipients());
    }

    /** The first mail to {@code address}, waiting for it. */
    public Mail awaitMail(String address) {
        return awaitMails(address, 1).get(0);
    }

    public List<Mail> to(String address) {
        List<Mail> mails = new ArrayList<>();
        for (MimeMessage message : server.getReceivedMessages()) {
            try {
                if (Arrays.stream(message.getRecipients(Message.RecipientType.TO))
                        .anyMatch(a -> a.toString().toLowerCase().contains(address.toLowerCase()))) {
                    mails.add(new Mail(message));
                }
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }
        return mails;
    }

    private List<String> recipients() {
        List<String> all = new ArrayList<>();
        for (MimeMessage message : server.getReceivedMessages()) {
            try {
                Arrays.stream(message.getRecipients(Message.RecipientType.TO)).forEach(a -> all.add(a.toString()));
            } catch (MessagingException e) {
                all.add("?");
            }
        }
        return all;
    }

    @Override
    public void close() {
        server.stop();
    }

    /** One received mail, read as a person reads it. */
    public record Mail(MimeMessage message) {

        public String subject() {
            try {
                return message.getSubject();
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }

        /** The text/plain part (or the HTML part's text when there is no plain one). */
        public String text() {
            try {
                return text(message).orElse("");
            } catch (MessagingException | IOException e) {
                throw new IllegalStateException(e);
            }
        }

        public List<String> links() {
            List<String> links = new ArrayList<>();
            Matcher m = LINK.matcher(text());
            while (m.find()) {
                links.add(m.group());
            }
            return links;
        }

        /** The first link whose address contains {@code fragment}. */
        public String link(String fragment) {
            return links().stream().filter(l -> l.contains(fragment)).findFirst().orElseThrow(() ->
                    new AssertionError("no link containing " + fragment + " in mail '" + subject() + "': " + links()));
        }

        /** The attachment (or inline part) whose file name ends with {@code suffix}, e.g. ".ics". */
        public byte[] attachment(String suffix) {
            try {
                return attachment(message, suffix).orElseThrow(() ->
                        new AssertionError("no attachment *" + suffix + " in mail '" + subject() + "'"));
            } catch (MessagingException | IOException e) {
                throw new IllegalStateException(e);
            }
        }

        private static Optional<String> text(Part part) throws MessagingException, IOException {
            if (part.isMimeType("text/plain") && !Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
                return Optional.of((String) part.getContent());
            }
            if (part.isMimeType("multipart/*")) {
                Multipart multipart = (Multipart) part.getContent();
                String html = null;
                for (int i = 0; i < multipart.getCount(); i++) {
                    BodyPart child = multipart.getBodyPart(i);
                    Optional<String> text = text(child);
                    if (text.isPresent()) {
                        return text;
                    }
                    if (child.isMimeType("text/html") && html == null) {
                        html = org.jsoup.Jsoup.parse((String) child.getContent()).text();
                    }
                }
                return Optional.ofNullable(html);
            }
            if (part.isMimeType("text/html")) {
                return Optional.of(org.jsoup.Jsoup.parse((String) part.getContent()).wholeText());
            }
            return Optional.empty();
        }

        private static Optional<byte[]> attachment(Part part, String suffix) throws MessagingException, IOException {
            if (part.isMimeType("multipart/*")) {
                Multipart multipart = (Multipart) part.getContent();
                for (int i = 0; i < multipart.getCount(); i++) {
                    Optional<byte[]> found = attachment(multipart.getBodyPart(i), suffix);
                    if (found.isPresent()) {
                        return found;
                    }
                }
                return Optional.empty();
            }
            String file = part.getFileName();
            if (file != null && file.toLowerCase().endsWith(suffix.toLowerCase())) {
                return Optional.of(part.getInputStream().readAllBytes());
            }
            return Optional.empty();
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
