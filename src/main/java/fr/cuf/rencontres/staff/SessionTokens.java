package fr.cuf.rencontres.staff;

import fr.cuf.rencontres.config.AppSecrets;
import fr.cuf.rencontres.config.Hmac;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.cookie.Cookie;
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

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;

/**
 * The staff session cookie: "sessionId.expiry.signature", signed with the shared secret. The signature lets any
 * instance refuse a forged cookie without the database; the session row (staff.StaffSessions) then says whether
 * the session still holds: ended at sign-out or password change, idle 2 h, older than 12 h. Roles are read again
 * from the account on every request, so a disabled account or a changed role takes effect at once.
 */
@Singleton
public class SessionTokens implements TokenGenerator, TokenValidator<HttpRequest<?>>, ClaimsGenerator {

    public static final String COOKIE = "rencontres_session";

    private final AppSecrets secrets;
    private final StaffDirectory staff;
    private final StaffSessions sessions;
    private final Clock clock;
    private final ExecutorService blocking;

    SessionTokens(AppSecrets secrets, StaffDirectory staff, StaffSessions sessions, Clock clock,
                  @Named(TaskExecutors.BLOCKING) ExecutorService blocking) {
        this.secrets = secrets;
        this.staff = staff;
        this.sessions = sessions;
        this.clock = clock;
        this.blocking = blocking;
    }

    @Override
    public Optional<String> generateToken(Authentication authentication, Integer expiration) {
        return generateToken(generateClaims(authentication, expiration));
    }

    @Override
    public Optional<String> generateToken(Map<String, Object> claims) {
        Object accountId = claims.get("accountId");
        if (!(accountId instanceof Number id)) {
            return Optional.empty();
        }
        String payload = sessions.open(id.longValue()) + "." + claims.get("exp");
        return Optional.of(payload + "." + Hmac.sign(secrets.signingKey(), payload));
    }

    @Override
    public Map<String, Object> generateClaims(Authentication authentication, Integer expiration) {
        Map<String, Object> claims = new HashMap<>();
        claims.put("sub", authentication.getName());
        claims.put("accountId", authentication.getAttributes().get("accountId"));
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
        Optional<String> session = sessionId(token);
        if (session.isEmpty()) {
            return Mono.empty();
        }
        // A plain Executor (blocking::execute), not the ExecutorService: the security filter cancels this
        // Mono once it has its value, and Reactor cancels an ExecutorService task by interrupting its
        // thread, the very thread that then runs the controller. H2 file channels close on interrupt
        // (ClosedByInterruptException) and the embedded database then fails for every request.
        return Mono.fromCallable(() -> sessions.holder(session.get()).flatMap(staff::authenticationOf).orElse(null))
                .subscribeOn(Schedulers.fromExecutor(blocking::execute));
    }

    /** The session id of a well-signed, unexpired cookie value (whether the session still holds is not checked). */
    public Optional<String> sessionId(String token) {
        if (token == null) {
            return Optional.empty();
        }
        String[] parts = token.split("\\.");
        if (parts.length != 3 || !Hmac.verify(secrets.signingKey(), parts[0] + "." + parts[1], parts[2])) {
            return Optional.empty();
        }
        try {
            return Long.parseLong(parts[1]) < clock.instant().getEpochSecond() ? Optional.empty() : Optional.of(parts[0]);
        } catch (NumberFormatException malformed) {
            return Optional.empty();
        }
    }

    /** The session id of the request's session cookie, if well signed. */
    public Optional<String> sessionId(HttpRequest<?> request) {
        return request.getCookies().findCookie(COOKIE).map(Cookie::getValue).flatMap(this::sessionId);
    }
}
