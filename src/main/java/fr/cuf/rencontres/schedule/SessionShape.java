package fr.cuf.rencontres.schedule;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;

import java.util.Objects;

/**
 * Where a session stands in the shape of the programme: the series it belongs to and its rank there
 * ("Rendez-vous B2B", 1, 2, 3… run in that order), and whether staff let it run beside a plenary.
 */
@Introspected
public record SessionShape(long sessionId, @Nullable String series, @Nullable Integer seriesOrder,
                           boolean besidePlenary) {

    public static final SessionShape NONE = new SessionShape(0, null, null, false);

    /** Both in one series, this one ranked before {@code other}. */
    public boolean comesBefore(SessionShape other) {
        return series != null && seriesOrder != null && other.seriesOrder != null
                && Objects.equals(series, other.series) && seriesOrder < other.seriesOrder;
    }
}
