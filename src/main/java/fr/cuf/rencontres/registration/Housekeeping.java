package fr.cuf.rencontres.registration;

import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;

/** Removes rate-limit minutes older than ten minutes and idempotency keys older than a day. */
@Singleton
class Housekeeping {

    private final RateLimiter limiter;
    private final IdempotencyKeys keys;
    private final Clock clock;

    Housekeeping(RateLimiter limiter, IdempotencyKeys keys, Clock clock) {
        this.limiter = limiter;
        this.keys = keys;
        this.clock = clock;
    }

    @Scheduled(fixedDelay = "10m", initialDelay = "10m")
    @io.micronaut.transaction.annotation.Transactional
    void run() {
        limiter.purgeBefore(clock.instant().minus(Duration.ofMinutes(10)));
        keys.purgeBefore(clock.instant().minus(Duration.ofDays(1)));
    }
}
