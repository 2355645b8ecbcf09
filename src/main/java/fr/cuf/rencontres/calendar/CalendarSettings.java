package fr.cuf.rencontres.calendar;

import io.micronaut.context.annotation.Context;
import fr.cuf.rencontres.config.MinDuration;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;

/** Settings under {@code rencontres.calendar.*}; every one has a default. */
@Context
@ConfigurationProperties("rencontres.calendar")
public interface CalendarSettings {

    /** How long a cancelled session or meeting stays in the feeds, marked cancelled (env RENCONTRES_CALENDAR_KEEP_CANCELLED). */
    @Bindable(defaultValue = "P30D")
    @MinDuration(millis = 0, message = "rencontres.calendar.keep-cancelled must not be negative")
    Duration getKeepCancelled();

    /** How far back the group, association and personal feeds go (env RENCONTRES_CALENDAR_PAST). */
    @Bindable(defaultValue = "P365D")
    @MinDuration(millis = 0, message = "rencontres.calendar.past must not be negative")
    Duration getPast();

    /**
     * The right-hand side of every UID ({@code session-12@<domain>}). Defaults to the host of
     * {@code rencontres.public-url}; set it once and never change it, or calendars will duplicate entries.
     */
    @Nullable
    String getUidDomain();

    /**
     * A rendered public feed is reused while its fingerprint (a cheap aggregate query) is unchanged,
     * and for at most this long, so that a change the fingerprint cannot see shows up anyway.
     */
    @Bindable(defaultValue = "PT60S")
    @MinDuration(millis = 0, message = "rencontres.calendar.cache-max-age must not be negative")
    Duration getCacheMaxAge();

    /**
     * How long this instance trusts a feed's fingerprint before asking the database again: a change shows in
     * public feeds at most this late (calendar apps poll hourly). PT0S asks on every request.
     */
    @Bindable(defaultValue = "PT1S")
    @MinDuration(millis = 0, message = "rencontres.calendar.fingerprint-max-age must not be negative")
    Duration getFingerprintMaxAge();
}
