package fr.cuf.rencontres.web.staff;

import fr.cuf.rencontres.staff.Role;
import fr.cuf.rencontres.staff.StaffAccount;
import fr.cuf.rencontres.staff.StaffAccounts;
import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.EnumSet;
import java.util.Set;

/** The staff account form: one checkbox per role (role_ADMIN…), so that the form binds without lists. */
@Serdeable
@Introspected
record AccountInput(@Nullable String username, @Nullable String displayName, @Nullable String email,
                    @Nullable String role_ADMIN, @Nullable String role_PROGRAMME,
                    @Nullable String role_REGISTRATION_DESK, @Nullable String role_SCANNER) {

    static AccountInput blank() {
        return new AccountInput(null, null, null, null, null, null, null);
    }

    static AccountInput of(StaffAccount a) {
        Set<Role> r = a.roleSet();
        return new AccountInput(a.username(), a.displayName(), a.email(), on(r, Role.ADMIN), on(r, Role.PROGRAMME),
                on(r, Role.REGISTRATION_DESK), on(r, Role.SCANNER));
    }

    StaffAccounts.Form toForm() {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        if (role_ADMIN != null) {
            roles.add(Role.ADMIN);
        }
        if (role_PROGRAMME != null) {
            roles.add(Role.PROGRAMME);
        }
        if (role_REGISTRATION_DESK != null) {
            roles.add(Role.REGISTRATION_DESK);
        }
        if (role_SCANNER != null) {
            roles.add(Role.SCANNER);
        }
        return new StaffAccounts.Form(username, displayName, email, roles);
    }

    private static String on(Set<Role> roles, Role role) {
        return roles.contains(role) ? "on" : null;
    }
}
