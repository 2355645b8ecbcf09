package fr.cuf.rencontres.staff;

import java.util.EnumSet;
import java.util.Set;

/**
 * Staff roles. A role grants the ones below it where the work includes theirs: an admin does
 * everything, the registration desk also scans badges.
 */
public enum Role {
    ADMIN, PROGRAMME, REGISTRATION_DESK, SCANNER;

    /** Every staff member has this role too: it opens the back office. */
    public static final String STAFF = "STAFF";

    public Set<Role> granted() {
        return switch (this) {
            case ADMIN -> EnumSet.allOf(Role.class);
            case PROGRAMME -> EnumSet.of(PROGRAMME);
            case REGISTRATION_DESK -> EnumSet.of(REGISTRATION_DESK, SCANNER);
            case SCANNER -> EnumSet.of(SCANNER);
        };
    }
}
