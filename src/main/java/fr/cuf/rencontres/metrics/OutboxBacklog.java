package fr.cuf.rencontres.metrics;

import fr.cuf.rencontres.mail.MailOutboxRepository;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

/**
 * Mails waiting in the outbox ({@code rencontres.outbox.backlog{status="pending"}}) and given up after their last
 * attempt ({@code status=failed}). Read from the table at each scrape (one indexed count), so every instance
 * reports the same shared backlog.
 */
@Singleton
@Requires(bean = MeterRegistry.class)
class OutboxBacklog implements MeterBinder {

    private final MailOutboxRepository outbox;

    OutboxBacklog(MailOutboxRepository outbox) {
        this.outbox = outbox;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (String status : new String[] {"PENDING", "FAILED"}) {
            Gauge.builder("rencontres.outbox.backlog", outbox, o -> o.countByStatus(status))
                    .tag("status", status.toLowerCase(java.util.Locale.ROOT))
                    .description("mails in the outbox by status")
                    .register(registry);
        }
    }
}
