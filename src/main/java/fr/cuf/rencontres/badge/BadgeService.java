package fr.cuf.rencontres.badge;

import fr.cuf.rencontres.event.Event;
import fr.cuf.rencontres.event.EventRepository;
import fr.cuf.rencontres.registration.ParticipantType;
import fr.cuf.rencontres.registration.RegistrationStatus;
import fr.cuf.rencontres.support.AuditLog;
import fr.cuf.rencontres.support.Countries;
import fr.cuf.rencontres.support.DomainException;
import fr.cuf.rencontres.support.Messages;
import fr.cuf.rencontres.support.Times;
import jakarta.inject.Singleton;
import io.micronaut.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Badges: the signed code of a registration, one PDF badge, batches with their print runs, reissues. */
@Singleton
public class BadgeService {

    private final BadgeRepository queries;
    private final BadgePrintRun.Runs runs;
    private final PrintItems items;
    private final EventRepository events;
    private final BadgeTokens tokens;
    private final BadgeRenderer renderer;
    private final Messages messages;
    private final AuditLog audit;
    private final Clock clock;

    BadgeService(BadgeRepository queries, BadgePrintRun.Runs runs, PrintItems items, EventRepository events, BadgeTokens tokens,
                 BadgeRenderer renderer, Messages messages, AuditLog audit, Clock clock) {
        this.queries = queries;
        this.runs = runs;
        this.items = items;
        this.events = events;
        this.tokens = tokens;
        this.renderer = renderer;
        this.messages = messages;
        this.audit = audit;
        this.clock = clock;
    }

    /** A batch of badges as one PDF, and how many it holds. */
    public record Batch(byte[] pdf, int count) {
    }

    /** The signed code of a registration's current badge (what its QR code holds). */
    public String codeFor(long registrationId) {
        BadgeRow row = badgeable(registrationId);
        return tokens.issue(row.registrationId(), row.eventId(), row.badgeVersion());
    }

    /** The A6 badge of one registration, e.g. for the participant's personal page. Not a print run. */
    public byte[] pdfFor(long registrationId) {
        return pdfFor(registrationId, BadgeLayout.A6);
    }

    public byte[] pdfFor(long registrationId, BadgeLayout layout) {
        BadgeRow row = badgeable(registrationId);
        Event event = events.findById(row.eventId()).orElseThrow();
        return renderer.render(List.of(card(row, event)), layout);
    }

    /**
     * The badges of an event chosen by the selection, in participant-list order, recorded as a print run
     * (so that the next "since the last print" batch leaves them out).
     */
    @Transactional
    public Batch printBatch(long eventId, BadgeSelection selection, String actor) {
        Event event = events.findById(eventId).orElseThrow(() -> DomainException.notFound("event_not_found"));
        List<BadgeRow> rows = queries.findBatch(eventId, selection.type() == null ? null : selection.type().name(),
                selection.sinceLastPrint()).stream()
                .sorted(ParticipantOrder.byName(BadgeRow::lastName, BadgeRow::firstName)).toList();
        if (rows.isEmpty()) {
            throw DomainException.notFound("no_badges_to_print");
        }
        byte[] pdf = renderer.render(cards(rows, event), selection.layout());
        BadgePrintRun run = runs.save(new BadgePrintRun(null, eventId, Times.micros(clock.instant()), actor,
                selection.describe(), selection.layout().name(), rows.size()));
        items.insert(run.id(), rows);
        audit.record(actor, "badges_printed", "event", eventId, selection.describe() + ";count=" + rows.size());
        return new Batch(pdf, rows.size());
    }

    /** The same, for the event with this slug. */
    @Transactional
    public Batch printBatch(String eventSlug, BadgeSelection selection, String actor) {
        Event event = events.findBySlug(eventSlug).orElseThrow(() -> DomainException.notFound("event_not_found"));
        return printBatch(event.id(), selection, actor);
    }

    /**
     * A copy of a print run (the printer jammed, a box got lost): the same badges in the same layout and
     * badge versions as then, so a badge reissued since comes out with its old, refused, code. Not a new run.
     */
    public Batch reprint(long eventId, long runId, String actor) {
        BadgePrintRun run = runs.findById(runId).filter(found -> found.eventId() == eventId)
                .orElseThrow(() -> DomainException.notFound("print_run_not_found"));
        Event event = events.findById(eventId).orElseThrow();
        List<BadgeRow> rows = queries.findPrinted(runId).stream()
                .sorted(ParticipantOrder.byName(BadgeRow::lastName, BadgeRow::firstName)).toList();
        audit.record(actor, "badges_reprinted", "event", eventId, "run=" + runId);
        return new Batch(renderer.render(cards(rows, event), BadgeLayout.valueOf(run.layout())), rows.size());
    }

    public List<BadgePrintRun> printRuns(long eventId) {
        return runs.findByEventIdOrderByPrintedAtDesc(eventId);
    }

    public Optional<Instant> lastPrint(long eventId) {
        return queries.findLastPrint(eventId);
    }

    /**
     * Issues a new badge (after a name change, a lost badge…): the version goes up, so every code
     * printed before is refused at the door. Returns the new version.
     */
    @Transactional
    public int reissue(long registrationId, String actor) {
        BadgeRow row = badgeable(registrationId);
        queries.incrementBadgeVersion(registrationId, Times.micros(clock.instant()));
        audit.record(actor, "badge_reissued", "registration", registrationId, "version=" + (row.badgeVersion() + 1));
        return row.badgeVersion() + 1;
    }

    /** The same, for a registration that must belong to this event (a staff page of the event). */
    @Transactional
    public int reissue(long eventId, long registrationId, String actor) {
        if (queries.findRow(registrationId).filter(row -> row.eventId() == eventId).isEmpty()) {
            throw DomainException.notFound("registration_not_found");
        }
        return reissue(registrationId, actor);
    }

    private BadgeRow badgeable(long registrationId) {
        BadgeRow row = queries.findRow(registrationId)
                .orElseThrow(() -> DomainException.notFound("registration_not_found"));
        if (!RegistrationStatus.valueOf(row.status()).holdsSeat()) {
            throw DomainException.conflict("no_badge_for_registration_status");
        }
        return row;
    }

    /**
     * Ed25519 signing is most of a batch's time: the first code reads (or creates) the event's key, the
     * others are signed on every core, then the cards are made in order.
     */
    private List<BadgeCard> cards(List<BadgeRow> rows, Event event) {
        if (rows.isEmpty()) {
            return List.of();
        }
        List<String> codes = new ArrayList<>(rows.size());
        codes.add(code(rows.get(0)));
        codes.addAll(rows.subList(1, rows.size()).parallelStream().map(this::code).toList());
        List<BadgeCard> cards = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            cards.add(card(rows.get(i), event, codes.get(i)));
        }
        return cards;
    }

    private String code(BadgeRow row) {
        return tokens.issue(row.registrationId(), row.eventId(), row.badgeVersion());
    }

    private BadgeCard card(BadgeRow row, Event event) {
        return card(row, event, code(row));
    }

    private BadgeCard card(BadgeRow row, Event event, String code) {
        ParticipantType type = ParticipantType.valueOf(row.participantType());
        String typeLabel = (messages.get(Locale.FRENCH, "badge.type." + type.name()) + " · "
                + messages.get(Locale.ENGLISH, "badge.type." + type.name())).toUpperCase(Locale.FRENCH);
        String country = row.organisationCountry() == null ? null
                : Countries.name(row.organisationCountry().strip(), Locale.FRENCH);
        return new BadgeCard(row.firstName(), row.lastName(), row.functionTitle(), row.organisationName(), country,
                type, typeLabel, event.title(), dates(event), code);
    }

    /** "8–9 juillet 2026", "30 juin – 2 juillet 2026", "4 juillet 2026". */
    static String dates(Event event) {
        LocalDate start = Times.paris(event.startsAt()).toLocalDate();
        LocalDate end = Times.paris(event.endsAt()).toLocalDate();
        DateTimeFormatter full = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.FRENCH);
        if (start.equals(end)) {
            return full.format(start);
        }
        if (start.getYear() == end.getYear() && start.getMonth() == end.getMonth()) {
            return start.getDayOfMonth() + "–" + full.format(end);
        }
        if (start.getYear() == end.getYear()) {
            return DateTimeFormatter.ofPattern("d MMMM", Locale.FRENCH).format(start) + " – " + full.format(end);
        }
        return full.format(start) + " – " + full.format(end);
    }
}
