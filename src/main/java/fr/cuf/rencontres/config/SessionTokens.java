package fr.cuf.rencontres.config;

import fr.cuf.rencontres.staff.StaffDirectory;
import io.micronaut.http.HttpRequest;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.token.claims.ClaimsGenerator;
import io.micronaut.security.token.generator.TokenGenerator;
import io.micronaut.security.token.validator.TokenValidator;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;

/**
 * The staff session cookie: "username.expiry.signature", signed with the shared secret, so that any
 * instance can check it without shared memory. Roles are read again from the staff directory on every
 * request, so a disabled account or a changed role takes effect at once.
 */
@Singleton
class SessionTokens implements TokenGenerator, TokenValidator<HttpRequest<?>>, ClaimsGenerator {

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getUrlDecoder();

    private final AppSecrets secrets;
    private final StaffDirectory staff;
    private final Clock clock;
    private final ExecutorService blocking;

    SessionTokens(AppSecrets secrets, StaffDirectory staff, Clock clock,
                  @Named(TaskExecutors.BLOCKING) ExecutorService blocking) {
        this.secrets = secrets;
        this.staff = staff;
        this.clock = clock;
        this.blocking = blocking;
    }

    @Override
    public Optional<String> generateToken(Authentication authentication, Integer expiration) {
        return generateToken(generateClaims(authentication, expiration));
    }

    @Override
    public Optional<String> generateToken(Map<String, Object> claims) {
        String user = B64.encodeToString(String.valueOf(claims.get("sub")).getBytes(StandardCharsets.UTF_8));
        String payload = user + "." + claims.get("exp");
        return Optional.of(payload + "." + Hmac.sign(secrets.signingKey(), payload));
    }

    @Override
    public Map<String, Object> generateClaims(Authentication authentication, Integer expiration) {
        Map<String, Object> claims = new HashMap<>();
        claims.put("sub", authentication.getName());
        claims.put("exp", clock.instant().getEpochSecond() + (expiration == null ? 43200 : expiration));
        return claims;
    }

    @Override
    public Map<String, Object> generateClaimsSet(Map<String, ?> oldClaims, Integer expiration) {
        Map<String, Object> claims = new HashMap<>(oldClaims);
        claims.put("exp", clock.instant().getEpochSecond() + (expiration == null ? 43200 : expiration));
        return claims;
    }

    @Override
    public Publisher<Authentication> validateToken(String token, HttpRequest<?> request) {
        Optional<String> username = username(token);
        if (username.isEmpty()) {
            return Mono.empty();
        }
        // A plain Executor (blocking::execute), not the ExecutorService: the security filter cancels this
        // Mono once it has its value, and Reactor cancels an ExecutorService task by interrupting its
        // thread, the very thread that then runs the controller. H2 file channels close on interrupt
        // (ClosedByInterruptException) and the embedded database then fails for every request.
        return Mono.fromCallable(() -> staff.authenticationOf(username.get()).orElse(null))
                .subscribeOn(Schedulers.fromExecutor(blocking::execute));
    }

    /** The user named by a well-signed, unexpired token. */
    Optional<String> username(String token) {
        String[] parts = token.split("\\.");
        if (parts.length != 3 || !Hmac.verify(secrets.signingKey(), parts[0] + "." + parts[1], parts[2])) {
            return Optional.empty();
        }
        try {
            if (Long.parseLong(parts[1]) < clock.instant().getEpochSecond()) {
                return Optional.empty();
            }
            return Optional.of(new String(B64D.decode(parts[0]), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException malformed) {
            return Optional.empty();
        }
    }
}
