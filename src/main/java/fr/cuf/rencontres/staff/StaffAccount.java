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
        Instant createdAt) {

    public Set<Role> roleSet() {
        Set<Role> set = EnumSet.noneOf(Role.class);
        Arrays.stream(roles.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .forEach(r -> set.add(Role.valueOf(r)));
        return set;
    }
}
