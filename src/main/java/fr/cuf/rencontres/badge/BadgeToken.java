package fr.cuf.rencontres.badge;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a badge's QR code says: {@code B1.<registration>.<event>.<badge version>.<signature>}.
 * The signature (Ed25519, base64url) covers everything before the last dot. Parsing is strict
 * (no leading zeros, no spaces), so one badge has exactly one valid spelling.
 */
public record BadgeToken(long registrationId, long eventId, int badgeVersion) {

    static final String PREFIX = "B1";
    private static final Pattern FORMAT = Pattern.compile(
            "B1\\.([1-9][0-9]{0,17})\\.([1-9][0-9]{0,17})\\.([1-9][0-9]{0,8})\\.([A-Za-z0-9_-]{86})");

    /** The signed part. */
    String payload() {
        return PREFIX + "." + registrationId + "." + eventId + "." + badgeVersion;
    }

    record Signed(BadgeToken token, String payload, String signature) {
    }

    static Optional<Signed> parse(String code) {
        if (code == null) {
            return Optional.empty();
        }
        Matcher m = FORMAT.matcher(code.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        BadgeToken token = new BadgeToken(Long.parseLong(m.group(1)), Long.parseLong(m.group(2)),
                Integer.parseInt(m.group(3)));
        return Optional.of(new Signed(token, token.payload(), m.group(4)));
    }
}
