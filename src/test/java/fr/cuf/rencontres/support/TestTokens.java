package fr.cuf.rencontres.support;

import fr.cuf.rencontres.staff.ApiTokens;
import jakarta.inject.Singleton;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * API tokens of test accounts, for requests sent as a script sends them ({@code .bearerAuth(tokens.of("desk"))}):
 * the API refuses HTTP Basic. One token per account, created through {@link ApiTokens} as /staff/me does, and
 * made again when the database was cleaned since (or the account changed).
 */
@Singleton
public class TestTokens {

    private final ApiTokens tokens;
    private final Map<String, String> issued = new ConcurrentHashMap<>();

    TestTokens(ApiTokens tokens) {
        this.tokens = tokens;
    }

    /** A working API token of this existing account. */
    public String of(String username) {
        String token = issued.get(username);
        if (token == null || tokens.owner(token).filter(a -> a.username().equals(username)).isEmpty()) {
            token = tokens.create(username, "test");
            issued.put(username, token);
        }
        return token;
    }
}
