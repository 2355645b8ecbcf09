package fr.cuf.rencontres.schedule;

import io.micronaut.context.annotation.Context;
import fr.cuf.rencontres.config.MinDuration;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;

/** Settings under {@code rencontres.schedule.*}. */
@Context
@ConfigurationProperties("rencontres.schedule")
public interface ScheduleConfiguration {

    /** The pause a person needs between two sessions in different rooms (env RENCONTRES_SCHEDULE_PAUSE_BETWEEN_ROOMS). */
    @Bindable(defaultValue = "15m")
    @MinDuration(millis = 0, message = "rencontres.schedule.pause-between-rooms must not be negative")
    Duration getPauseBetweenRooms();

    /** Longest solve staff may ask for (env RENCONTRES_SCHEDULE_MAX_SOLVE_TIME). */
    @Bindable(defaultValue = "5m")
    @MinDuration(millis = 1000, message = "rencontres.schedule.max-solve-time must be 1s or longer")
    Duration getMaxSolveTime();

    /** A running solve whose instance has not reported for this long is considered dead (its lock is released). */
    @Bindable(defaultValue = "30s")
    @MinDuration(millis = 1000, message = "rencontres.schedule.stale-run-after must be 1s or longer")
    Duration getStaleRunAfter();
}
