package fr.cuf.rencontres.schedule;

import fr.cuf.rencontres.support.Messages;
import jakarta.inject.Singleton;

import java.util.Locale;

/** The sentence of a conflict in French or English. */
@Singleton
public class ConflictTexts {

    private final Messages messages;

    ConflictTexts(Messages messages) {
        this.messages = messages;
    }

    public String text(Conflict conflict, Locale locale) {
        Object[] args = conflict.args().stream()
                .map(a -> a instanceof Equipment e ? messages.get(locale, e.messageKey()) : a).toArray();
        return messages.get(locale, conflict.messageKey(), args);
    }
}
