package fr.cuf.rencontres.registration;

import fr.cuf.rencontres.support.DomainException;
import io.micronaut.core.annotation.Nullable;

import java.util.Locale;

/** Who a registrant comes as; printed on the badge with its colour band. */
public enum ParticipantType {
    ELECTED_OFFICIAL, OFFICER, PARTNER, SPEAKER, PRESS, STAFF;

    /**
     * The type a filter names (any case, spaces around), or null when it names none; any other text is refused
     * as {@code invalid_value} on the field {@code type}.
     */
    public static @Nullable ParticipantType ofFilter(@Nullable String type) {
        if (type == null || type.isBlank()) {
            return null;
        }
        try {
            return valueOf(type.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid("type", "invalid_value");
        }
    }
}
