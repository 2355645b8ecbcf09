package fr.cuf.rencontres.privacy;

import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;

/** Runs retention every few hours on every instance that has it on (each registration is claimed in SQL). */
@Singleton
class RetentionJob {

    private final Retention retention;
    private final PrivacySettings settings;

    RetentionJob(Retention retention, PrivacySettings settings) {
        this.retention = retention;
        this.settings = settings;
    }

    @Scheduled(fixedDelay = "${rencontres.privacy.retention-interval:6h}", initialDelay = "${rencontres.privacy.retention-initial-delay:15m}")
    void run() {
        if (settings.isRetentionJob()) {
            retention.run(Retention.ACTOR);
        }
    }
}
