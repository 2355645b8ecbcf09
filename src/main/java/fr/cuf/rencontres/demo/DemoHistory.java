package fr.cuf.rencontres.demo;

import fr.cuf.rencontres.badge.BadgeLayout;
import fr.cuf.rencontres.badge.BadgeSelection;
import fr.cuf.rencontres.badge.BadgeService;
import fr.cuf.rencontres.config.ReplayClock;
import fr.cuf.rencontres.event.Event;
import fr.cuf.rencontres.invoice.Invoice;
import fr.cuf.rencontres.registration.DemoRegistrations;
import fr.cuf.rencontres.registration.ParticipantType;
import fr.cuf.rencontres.registration.RegistrationChanges;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;

/**
 * What the demo editions have been through by the day the data is loaded, written through the services as of
 * each moment ({@link ReplayClock}):
 * <ul>
 *   <li>the next edition, open for a few weeks: a rush of registrations at the opening, then a steady flow up
 *       to an hour ago, until it is full and a waiting list forms; a few cancelled, some marked paid; a first
 *       wave of invoices half-way, some of them paid since, and a few more issued this morning;</li>
 *   <li>the previous edition, in the past: its registrations over its registration period, its invoices paid
 *       after it, its badges printed the week before, and its attendance ({@link DemoAttendance}).</li>
 * </ul>
 */
@Singleton
class DemoHistory {

    private static final Logger LOG = LoggerFactory.getLogger(DemoHistory.class);
    private static final String ACTOR = "demo";
    private static final int NEXT_EARLY = 340;
    private static final int NEXT_LATE = 150;
    private static final int PREVIOUS = 260;

    private final DemoRegistrations registrations;
    private final RegistrationChanges changes;
    private final DemoInvoices invoices;
    private final BadgeService badges;
    private final DemoAttendance attendance;
    private final ReplayClock clock;

    DemoHistory(DemoRegistrations registrations, RegistrationChanges changes, DemoInvoices invoices,
                BadgeService badges, DemoAttendance attendance, ReplayClock clock) {
        this.registrations = registrations;
        this.changes = changes;
        this.invoices = invoices;
        this.badges = badges;
        this.attendance = attendance;
        this.clock = clock;
    }

    void load(Event next, Event previous) {
        Instant now = clock.instant();
        long started = System.nanoTime();
        loadNext(next, now);
        long nextDone = System.nanoTime();
        loadPrevious(previous);
        LOG.info("Demo history: next edition's registrations and invoices in {} ms, the previous edition's with its"
                + " attendance in {} ms", (nextDone - started) / 1_000_000, (System.nanoTime() - nextDone) / 1_000_000);
    }

    private void loadNext(Event next, Instant now) {
        Instant opened = next.registrationOpensAt();
        Instant lastHour = now.minus(Duration.ofHours(1));
        Instant halfWay = opened.plus(Duration.between(opened, lastHour).dividedBy(2));
        clock.run(opened.minus(Duration.ofDays(7)), () -> registrations.prepare(next.slug()));
        registrations.load(next.slug(), new DemoRegistrations.Plan(NEXT_EARLY, opened, halfWay, 0.05, 0.3, 2027));
        Random random = new Random(27);
        List<Invoice> firstWave = invoices.issue(next, 6, halfWay);
        registrations.load(next.slug(), new DemoRegistrations.Plan(NEXT_LATE, halfWay, lastHour, 0.04, 0.2, 2028));
        Duration sinceHalfWay = Duration.between(halfWay, lastHour);
        for (int i = 0; i < firstWave.size(); i += 2) {
            Invoice invoice = firstWave.get(i);
            Instant paid = halfWay.plus(sinceHalfWay.multipliedBy(1 + random.nextInt(8)).dividedBy(10));
            invoices.pay(invoice, paid);
        }
        // someone on an unpaid invoice of the first wave withdrew since: the invoice got its credit note
        if (firstWave.size() > 1) {
            Long withdrawn = invoices.firstRegistration(firstWave.get(1));
            clock.run(halfWay.plus(sinceHalfWay.dividedBy(3)), () -> changes.cancel(withdrawn, ACTOR, false));
        }
        // the speakers' badges went into their welcome packs, printed ahead of everyone else's
        clock.run(lastHour, () -> badges.printBatch(next.id(),
                new BadgeSelection(ParticipantType.SPEAKER, false, BadgeLayout.A6), ACTOR));
        invoices.issue(next, 3, lastHour.plus(Duration.ofMinutes(20)));
    }

    private void loadPrevious(Event previous) {
        Instant opened = previous.registrationOpensAt();
        Instant closed = previous.registrationClosesAt();
        clock.run(opened.minus(Duration.ofDays(7)), () -> registrations.prepare(previous.slug()));
        List<Long> ids = registrations.load(previous.slug(),
                new DemoRegistrations.Plan(PREVIOUS, opened, closed, 0.04, 0.5, 2025));
        List<Invoice> issued = invoices.issue(previous, Integer.MAX_VALUE, closed.minus(Duration.ofDays(2)));
        Instant after = previous.endsAt().plus(Duration.ofDays(10));
        for (int i = 0; i < issued.size(); i++) {
            if (i % 7 != 6) {
                invoices.pay(issued.get(i), after.plus(Duration.ofDays(i % 20)));
            }
        }
        clock.run(previous.startsAt().minus(Duration.ofDays(7)),
                () -> badges.printBatch(previous.id(), BadgeSelection.all(), ACTOR));
        attendance.attend(previous, ids);
    }
}
