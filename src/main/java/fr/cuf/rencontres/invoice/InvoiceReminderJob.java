package fr.cuf.rencontres.invoice;

import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;

/** Looks for unpaid invoices to remind every {@code rencontres.invoice.reminder-poll} (default 1 hour), on every instance. */
@Singleton
class InvoiceReminderJob {

    private final InvoiceReminders reminders;

    InvoiceReminderJob(InvoiceReminders reminders) {
        this.reminders = reminders;
    }

    @Scheduled(fixedDelay = "${rencontres.invoice.reminder-poll:1h}", initialDelay = "1m")
    void run() {
        reminders.queueDue();
    }
}
