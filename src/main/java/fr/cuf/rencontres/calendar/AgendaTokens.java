package fr.cuf.rencontres.calendar;

import fr.cuf.rencontres.support.AuditLog;
import fr.cuf.rencontres.support.DomainException;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Secrets of personal agenda feeds, one set per registration. A token is 256 random bits (43 URL-safe
 * characters); only its SHA-256 is stored, so a database leak exposes no agenda. Called by the
 * registration feature's personal page (issue, renew) and erasure (revoke), and by staff through the API.
 */
@Singleton
public class AgendaTokens {

    private static final Pattern SHAPE = Pattern.compile("^[A-Za-z0-9_-]{43}$");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final CalendarRepository rows;
    private final FeedLinks links;
    private final AuditLog audit;
    private final Clock clock;

    AgendaTokens(CalendarRepository rows, FeedLinks links, AuditLog audit, Clock clock) {
        this.rows = rows;
        this.links = links;
        this.audit = audit;
        this.clock = clock;
    }

    /** A new address for the registration's agenda; addresses given earlier keep working. */
    @Transactional
    public AgendaLink issue(long registrationId, String actor) {
        lock(registrationId);
        return create(registrationId, actor, "calendar_token.issued");
    }

    /** A new address; every earlier one stops working at once (a leaked address, a lost phone). */
    @Transactional
    public AgendaLink renew(long registrationId, String actor) {
        lock(registrationId);
        rows.revokeAll(registrationId, clock.instant());
        return create(registrationId, actor, "calendar_token.renewed");
    }

    /** Every address of the registration stops working (erasure, or the owner's wish). */
    @Transactional
    public void revoke(long registrationId, String actor) {
        long revoked = rows.revokeAll(registrationId, clock.instant());
        if (revoked > 0) {
            audit.record(actor, "calendar_token.revoked", "registration", registrationId, revoked + " token(s)");
        }
    }

    /** The registration an address belongs to, when the secret is well formed, known and not revoked. */
    Optional<Long> registrationOf(String token) {
        if (token == null || !SHAPE.matcher(token).matches()) {
            return Optional.empty();
        }
        return rows.activeRegistration(hash(token));
    }

    private AgendaLink create(long registrationId, String actor, String action) {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        rows.save(new CalendarToken(null, registrationId, hash(token), clock.instant(), null));
        // the token itself is never written anywhere but in the answer
        audit.record(actor, action, "registration", registrationId, null);
        Map<String, String> l = links.of("/calendar/" + token + ".ics");
        return new AgendaLink(registrationId, l.get("https"), l.get("webcal"), l.get("google"), l.get("download"));
    }

    private void lock(long registrationId) {
        rows.lockRegistration(registrationId)
                .orElseThrow(() -> DomainException.notFound("registration_not_found"));
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
