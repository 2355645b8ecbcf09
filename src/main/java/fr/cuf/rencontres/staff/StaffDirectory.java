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

/** Staff accounts: who may act, and with which roles. */
@Singleton
public class StaffDirectory {

    private final StaffRepository accounts;
    private final PasswordHasher hasher;
    private final PasswordPolicy policy;
    private final Clock clock;

    StaffDirectory(StaffRepository accounts, PasswordHasher hasher, PasswordPolicy policy, Clock clock) {
        this.accounts = accounts;
        this.hasher = hasher;
        this.policy = policy;
        this.clock = clock;
    }

    /** The current authentication of an enabled, unlocked account (roles as they are now). */
    public Optional<Authentication> authenticationOf(long accountId) {
        return accounts.findById(accountId).flatMap(StaffDirectory::authenticationFor);
    }

    public Optional<StaffAccount> find(String username) {
        return accounts.findByUsername(username);
    }

    public boolean isEmpty() {
        return accounts.count() == 0;
    }

    /** An account with a password (the first admin from configuration, the demo accounts, tests). */
    public StaffAccount create(String username, String displayName, String password, Set<Role> roles) {
        policy.check("password", username, password);
        if (accounts.findByUsername(username).isPresent()) {
            throw DomainException.conflict("username", "username_taken");
        }
        return accounts.save(new StaffAccount(null, username, displayName, hasher.hash(password), roleList(roles), true,
                clock.instant(), null, null, null));
    }

    static String roleList(Set<Role> roles) {
        return String.join(",", roles.stream().map(Enum::name).sorted().toList());
    }

    static Optional<Authentication> authenticationFor(StaffAccount account) {
        if (!account.enabled() || account.isLocked()) {
            return Optional.empty();
        }
        Set<Role> granted = EnumSet.noneOf(Role.class);
        account.roleSet().forEach(r -> granted.addAll(r.granted()));
        List<String> roles = Stream.concat(Stream.of(Role.STAFF), granted.stream().map(Enum::name)).toList();
        return Optional.of(Authentication.build(account.username(), roles,
                Map.of("name", account.displayName(), "accountId", account.id())));
    }
}
