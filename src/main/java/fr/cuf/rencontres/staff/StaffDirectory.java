package fr.cuf.rencontres.staff;

import fr.cuf.rencontres.support.DomainException;
import io.micronaut.security.authentication.Authentication;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/** Staff accounts: who may sign in, and with which roles. */
@Singleton
public class StaffDirectory {

    private final StaffRepository accounts;
    private final PasswordHasher hasher;
    private final Clock clock;

    StaffDirectory(StaffRepository accounts, PasswordHasher hasher, Clock clock) {
        this.accounts = accounts;
        this.hasher = hasher;
        this.clock = clock;
    }

    /** The authentication of a valid username and password, or empty. */
    public Optional<Authentication> authenticate(String username, String password) {
        return accounts.findByUsername(username)
                .filter(StaffAccount::enabled)
                .filter(a -> hasher.matches(password, a.passwordHash()))
                .map(StaffDirectory::authenticationOf);
    }

    /** The current authentication of an enabled account (roles as they are now). */
    public Optional<Authentication> authenticationOf(String username) {
        return accounts.findByUsername(username).filter(StaffAccount::enabled).map(StaffDirectory::authenticationOf);
    }

    public boolean isEmpty() {
        return accounts.count() == 0;
    }

    public StaffAccount create(String username, String displayName, String password, Set<Role> roles) {
        if (password == null || password.length() < 4) {
            throw DomainException.invalid("password", "password_too_short", 4);
        }
        if (accounts.findByUsername(username).isPresent()) {
            throw DomainException.conflict("username", "username_taken");
        }
        String roleList = String.join(",", roles.stream().map(Enum::name).sorted().toList());
        return accounts.save(new StaffAccount(null, username, displayName, hasher.hash(password), roleList, true,
                clock.instant()));
    }

    private static Authentication authenticationOf(StaffAccount account) {
        Set<Role> granted = EnumSet.noneOf(Role.class);
        account.roleSet().forEach(r -> granted.addAll(r.granted()));
        List<String> roles = Stream.concat(Stream.of(Role.STAFF), granted.stream().map(Enum::name)).toList();
        return Authentication.build(account.username(), roles, Map.of("name", account.displayName()));
    }
}
