package fr.cuf.rencontres.badge;

import fr.cuf.rencontres.registration.ParticipantType;
import io.micronaut.core.annotation.Nullable;

/**
 * Which badges of an event to print: all (of one participant type, optionally), or only those not
 * printed yet in their current version ("registered since the last print", reissued badges included).
 */
public record BadgeSelection(@Nullable ParticipantType type, boolean sinceLastPrint, BadgeLayout layout) {

    public static BadgeSelection all() {
        return new BadgeSelection(null, false, BadgeLayout.A6);
    }

    String describe() {
        return "type=" + (type == null ? "all" : type.name()) + (sinceLastPrint ? ";since-last-print" : "");
    }
}
