package fr.cuf.rencontres.config;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.ZoneId;

/** The one source of "now": the system clock, or a fixed instant for rehearsals and tests. */
@Factory
class ClockFactory {

    @Singleton
    ReplayClock clock(RencontresConfiguration configuration) {
        return new ReplayClock(configuration.getClock().getFixed()
                .map(at -> Clock.fixed(at.toInstant(), ZoneId.of("Europe/Paris")))
                .orElseGet(() -> Clock.system(ZoneId.of("Europe/Paris"))));
    }
}
