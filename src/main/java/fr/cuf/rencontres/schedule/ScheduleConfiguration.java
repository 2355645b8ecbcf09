package fr.cuf.rencontres.schedule;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;

/** Settings under {@code rencontres.schedule.*}. */
@ConfigurationProperties("rencontres.schedule")
public interface ScheduleConfiguration {

    /** The pause a person needs between two sessions in different rooms (env RENCONTRES_SCHEDULE_PAUSE_BETWEEN_ROOMS). */
    @Bindable(defaultValue = "15m")
    Duration getPauseBetweenRooms();

    /** Longest solve staff may ask for (env RENCONTRES_SCHEDULE_MAX_SOLVE_TIME). */
    @Bindable(defaultValue = "5m")
    Duration getMaxSolveTime();

    /** A running solve whose instance has not reported for this long is considered dead (its lock is released). */
    @Bindable(defaultValue = "30s")
    Duration getStaleRunAfter();
}
