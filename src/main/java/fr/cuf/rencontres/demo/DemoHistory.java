package fr.cuf.rencontres.demo;

import fr.cuf.rencontres.badge.BadgeLayout;
import fr.cuf.rencontres.badge.BadgeSelection;
import fr.cuf.rencontres.badge.BadgeService;
import fr.cuf.rencontres.checkin.CheckinList;
import fr.cuf.rencontres.checkin.CheckinService;
import fr.cuf.rencontres.checkin.ScanRequest;
import fr.cuf.rencontres.config.ReplayClock;
import fr.cuf.rencontres.event.Event;
import fr.cuf.rencontres.invoice.Invoice;
import fr.cuf.rencontres.invoice.InvoicePayments;
import fr.cuf.rencontres.registration.RegistrationChanges;
import fr.cuf.rencontres.invoice.InvoiceService;
import fr.cuf.rencontres.invoice.PaymentForm;
import fr.cuf.rencontres.invoice.ToInvoice;
import fr.cuf.rencontres.registration.DemoRegistrations;
import fr.cuf.rencontres.registration.ParticipantType;
import fr.cuf.rencontres.registration.Registration;
import fr.cuf.rencontres.registration.RegistrationRepository;
import fr.cuf.rencontres.schedule.Session;
import fr.cuf.rencontres.schedule.SessionKind;
import fr.cuf.rencontres.schedule.SessionRepository;
import fr.cuf.rencontres.support.Times;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * What the demo editions have been through by the day the data is loaded, written through the services as of
 * each moment ({@link ReplayClock}):
 * <ul>
 *   <li>the next edition, open for a few weeks: a rush of registrations at the opening, then a steady flow up
 *       to an hour ago, until it is full and a waiting list forms; a few cancelled, some marked paid; a first
 *       wave of invoices half-way, some of them paid since, and a few more issued this morning;</li>
 *   <li>the previous edition, in the past: its registrations over its registration period, its invoices paid
 *       after it, its badges printed the week before, and its attendance, scanned at the doors (the entrance each day, the rooms of the sessions
 *       with sign-ups) by the check-in service as a scanner would have sent it.</li>
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
    private final RegistrationRepository registrationRows;
    private final InvoiceService invoices;
    private final InvoicePayments payments;
    private final RegistrationChanges changes;
    private final BadgeService badges;
    private final CheckinService checkin;
    private final SessionRepository sessions;
    private final ReplayClock clock;

    DemoHistory(DemoRegistrations registrations, RegistrationRepository registrationRows, InvoiceService invoices, InvoicePayments payments,
                RegistrationChanges changes,
                BadgeService badges, CheckinService checkin, SessionRepository sessions, ReplayClock clock) {
        this.registrations = registrations;
        this.registrationRows = registrationRows;
        this.invoices = invoices;
        this.payments = payments;
        this.changes = changes;
        this.badges = badges;
        this.checkin = checkin;
        this.sessions = sessions;
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
        List<Invoice> firstWave = invoice(next, 6, halfWay);
        registrations.load(next.slug(), new DemoRegistrations.Plan(NEXT_LATE, halfWay, lastHour, 0.04, 0.2, 2028));
        Duration sinceHalfWay = Duration.between(halfWay, lastHour);
        for (int i = 0; i < firstWave.size(); i += 2) {
            Invoice invoice = firstWave.get(i);
            Instant paid = halfWay.plus(sinceHalfWay.multipliedBy(1 + random.nextInt(8)).dividedBy(10));
            pay(invoice, paid);
        }
        // someone on an unpaid invoice of the first wave withdrew since: the invoice got its credit note
        if (firstWave.size() > 1) {
            Invoice invoice = firstWave.get(1);
            Long withdrawn = invoices.lines(invoice.id()).get(0).registrationId();
            clock.run(halfWay.plus(sinceHalfWay.dividedBy(3)), () -> changes.cancel(withdrawn, ACTOR, false));
        }
        // the speakers' badges went into their welcome packs, printed ahead of everyone else's
        clock.run(lastHour, () -> badges.printBatch(next.id(),
                new BadgeSelection(ParticipantType.SPEAKER, false, BadgeLayout.A6), ACTOR));
        invoice(next, 3, lastHour.plus(Duration.ofMinutes(20)));
    }

    private void loadPrevious(Event previous) {
        Instant opened = previous.registrationOpensAt();
        Instant closed = previous.registrationClosesAt();
        clock.run(opened.minus(Duration.ofDays(7)), () -> registrations.prepare(previous.slug()));
        List<Long> ids = registrations.load(previous.slug(),
                new DemoRegistrations.Plan(PREVIOUS, opened, closed, 0.04, 0.5, 2025));
        List<Invoice> issued = invoice(previous, Integer.MAX_VALUE, closed.minus(Duration.ofDays(2)));
        Instant after = previous.endsAt().plus(Duration.ofDays(10));
        for (int i = 0; i < issued.size(); i++) {
            if (i % 7 != 6) {
                pay(issued.get(i), after.plus(Duration.ofDays(i % 20)));
            }
        }
        clock.run(previous.startsAt().minus(Duration.ofDays(7)),
                () -> badges.printBatch(previous.id(), BadgeSelection.all(), ACTOR));
        attend(previous, ids);
    }

    /** Invoices up to {@code count} organisations with registrations waiting for payment, the largest first. */
    private List<Invoice> invoice(Event event, int count, Instant at) {
        List<ToInvoice> due = new ArrayList<>(clock.at(at, () -> invoices.toInvoice(event.id())));
        due.sort(Comparator.comparingLong(ToInvoice::totalCents).reversed().thenComparing(ToInvoice::organisationId));
        List<Invoice> issued = new ArrayList<>();
        for (int i = 0; i < Math.min(count, due.size()); i++) {
            long organisation = due.get(i).organisationId();
            issued.add(clock.at(at.plus(Duration.ofMinutes(3L * i)), () -> invoices.issue(event.id(), organisation, ACTOR)));
        }
        return issued;
    }

    private void pay(Invoice invoice, Instant at) {
        String paidOn = Times.paris(at).toLocalDate().toString();
        clock.run(at, () -> payments.record(invoice.id(), new PaymentForm(paidOn,
                InvoiceService.euros(invoice.totalCents()), "TRANSFER", "VIR " + invoice.invoiceNumber()), ACTOR));
    }

    /**
     * Scans at the doors: most registrants holding a seat come, between 08:30 and 10:30 each day, then go to
     * most of the sessions they signed up for and the plenaries, a few minutes before each starts; most scan out
     * in the evening.
     */
    private void attend(Event event, List<Long> ids) {
        Random random = new Random(704);
        Map<Long, Session> byId = new HashMap<>();
        sessions.findByEventInOrder(event.id()).forEach(s -> byId.put(s.id(), s));
        LocalDate first = Times.paris(event.startsAt()).toLocalDate();
        LocalDate last = Times.paris(event.endsAt()).toLocalDate();
        for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
            String entrance = CheckinList.entrance(day).key();
            for (long id : ids) {
                Registration r = registrationRows.findById(id).orElseThrow();
                if (!r.status().holdsSeat() || random.nextInt(100) >= 88) {
                    continue;
                }
                String code = badges.codeFor(id);
                Instant in = Times.fromParis(day.atTime(LocalTime.of(8, 30)).plusMinutes(random.nextInt(120)));
                scan(code, entrance, "ENTRY", event, "e" + day + "-" + id, in);
                for (Long sessionId : registrationRows.findSessionIds(id, "CONFIRMED")) {
                    Session s = byId.get(sessionId);
                    if (s != null && s.startsAt() != null && Times.paris(s.startsAt()).toLocalDate().equals(day)
                            && random.nextInt(100) < 80) {
                        scan(code, CheckinList.session(sessionId).key(), "ENTRY", event, "s" + sessionId + "-" + id,
                                s.startsAt().minus(Duration.ofMinutes(random.nextInt(12))));
                    }
                }
                for (Session plenary : byId.values()) {
                    // a plenary has no sign-ups: every registrant may come in
                    if (plenary.kind() == SessionKind.PLENARY && plenary.startsAt() != null
                            && Times.paris(plenary.startsAt()).toLocalDate().equals(day) && random.nextInt(100) < 75) {
                        scan(code, CheckinList.session(plenary.id()).key(), "ENTRY", event, "s" + plenary.id() + "-" + id,
                                plenary.startsAt().minus(Duration.ofMinutes(random.nextInt(15))));
                    }
                }
                if (random.nextInt(100) < 90) {
                    Instant out = Times.fromParis(day.atTime(LocalTime.of(17, 0)).plusMinutes(random.nextInt(100)));
                    scan(code, entrance, "EXIT", event, "x" + day + "-" + id, out);
                }
            }
        }
    }

    private void scan(String code, String list, String mode, Event event, String nonce, Instant at) {
        clock.run(at, () -> checkin.scan(new ScanRequest(code, null, list, mode, "demo-" + nonce, event.slug(), null),
                "demo-scanner"));
    }
}
