package fr.cuf.rencontres.support;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;

/** CUF's events happen on Paris time, whatever the reader's zone. */
public final class Times {

    public static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private Times() {
    }

    public static ZonedDateTime paris(Instant instant) {
        return instant == null ? null : instant.atZone(PARIS);
    }

    public static Instant fromParis(LocalDateTime local) {
        return local == null ? null : local.atZone(PARIS).toInstant();
    }

    /** An instant as JDBC binds a {@code timestamp with time zone} (plain-JDBC statements); null stays null. */
    public static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    /** Databases keep microseconds: truncate before comparing or storing. */
    public static Instant micros(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.MICROS);
    }
}
