package fr.cuf.rencontres.mail;

import fr.cuf.rencontres.config.AppSecrets;
import io.micronaut.context.annotation.Value;
import io.micronaut.email.javamail.composer.DefaultMessageComposer;
import io.micronaut.email.javamail.composer.MessageComposer;
import io.micronaut.context.annotation.Replaces;
import jakarta.inject.Singleton;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

/**
 * The Message-ID of an outbox mail, derived from its row: every attempt to send one row carries the same id, so
 * a receiving server that already has the mail (a sender died after the SMTP answer, before marking it sent)
 * can drop the copy. The id mixes in a keyed hash of the row id, so two installations (test and production)
 * never give two different mails one id.
 */
@Singleton
class MessageIds {

    private final SecretKeySpec key;
    private final String domain;

    MessageIds(AppSecrets secrets, @Value("${micronaut.email.from.email:inscriptions@example.org}") String from) {
        this.key = new SecretKeySpec(secrets.signingKey(), "HmacSHA256");
        int at = from.lastIndexOf('@');
        this.domain = at < 0 || at == from.length() - 1 ? "rencontres.invalid" : from.substring(at + 1);
    }

    String of(long outboxId) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            byte[] tag = mac.doFinal(("mail-outbox:" + outboxId).getBytes(StandardCharsets.UTF_8));
            return "<outbox-" + outboxId + "." + HexFormat.of().formatHex(tag, 0, 8) + "@" + domain + ">";
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    /**
     * Jakarta Mail replaces any Message-ID with a random one when it sends ({@code MimeMessage.updateMessageID});
     * this composer's messages keep the one the sender set.
     */
    @Singleton
    @Replaces(DefaultMessageComposer.class)
    static class KeepingComposer implements MessageComposer {

        private final DefaultMessageComposer composer = new DefaultMessageComposer();

        @Override
        public Message compose(io.micronaut.email.Email email, Session session) throws MessagingException {
            return new KeptIdMessage((MimeMessage) composer.compose(email, session));
        }
    }

    static final class KeptIdMessage extends MimeMessage {

        KeptIdMessage(MimeMessage source) throws MessagingException {
            super(source);
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            if (getHeader("Message-ID") == null) {
                super.updateMessageID();
            }
        }
    }
}
