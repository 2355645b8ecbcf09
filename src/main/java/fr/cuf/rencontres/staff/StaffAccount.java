package fr.cuf.rencontres.staff;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;

/** A staff login. Roles are stored comma-separated (no SQL arrays: H2 and PostgreSQL differ). */
@MappedEntity("staff_account")
public record StaffAccount(
        @Id @GeneratedValue @Nullable Long id,
        String username,
        String displayName,
        String passwordHash,
        String roles,
        boolean enabled,
        Instant createdAt,
        @Nullable String email,
        @Nullable Instant lastSignInAt,
        @Nullable Instant lockedAt) {

    /** The marker stored instead of a hash while an invited account has set no password: it matches none. */
    public static final String NO_PASSWORD = "none";

    public boolean hasPassword() {
        return !NO_PASSWORD.equals(passwordHash);
    }

    public boolean isLocked() {
        return lockedAt != null;
    }

    public boolean isAdmin() {
        return roleSet().contains(Role.ADMIN);
    }

    public Set<Role> roleSet() {
        Set<Role> set = EnumSet.noneOf(Role.class);
        Arrays.stream(roles.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .forEach(r -> set.add(Role.valueOf(r)));
        return set;
    }
}
