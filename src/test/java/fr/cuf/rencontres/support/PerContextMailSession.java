package fr.cuf.rencontres.support;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.email.javamail.sender.DefaultSessionProvider;
import io.micronaut.email.javamail.sender.MailPropertiesProvider;
import io.micronaut.email.javamail.sender.SessionProvider;
import jakarta.inject.Singleton;
import jakarta.mail.Authenticator;
import jakarta.mail.Session;

import java.util.Properties;

/**
 * The mail session of each test's application context. Micronaut Email takes {@code Session.getDefaultInstance},
 * which Jakarta Mail keeps for the whole JVM: the first test class to send mail would fix the SMTP server (its
 * in-process GreenMail port) of every later class in the same surefire JVM.
 */
@Singleton
@Replaces(DefaultSessionProvider.class)
class PerContextMailSession implements SessionProvider {

    private final MailPropertiesProvider properties;
    @Nullable
    private final Authenticator authenticator;

    PerContextMailSession(MailPropertiesProvider properties, @Nullable Authenticator authenticator) {
        this.properties = properties;
        this.authenticator = authenticator;
    }

    @Override
    public Session session() {
        Properties mail = properties.mailProperties();
        if (authenticator != null && !mail.containsKey("mail.smtp.auth")) {
            mail.setProperty("mail.smtp.auth", "true");
        }
        return Session.getInstance(mail, authenticator);
    }
}
