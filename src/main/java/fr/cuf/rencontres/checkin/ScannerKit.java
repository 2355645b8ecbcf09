package fr.cuf.rencontres.checkin;

import fr.cuf.rencontres.badge.BadgeKeys;
import fr.cuf.rencontres.event.Event;
import fr.cuf.rencontres.event.EventRepository;
import fr.cuf.rencontres.event.Room;
import fr.cuf.rencontres.event.RoomRepository;
import fr.cuf.rencontres.member.MembershipRepository;
import fr.cuf.rencontres.registration.RegistrationStatus;
import fr.cuf.rencontres.schedule.Session;
import fr.cuf.rencontres.schedule.SessionRepository;
import fr.cuf.rencontres.support.DomainException;
import fr.cuf.rencontres.support.Times;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What a scanning page downloads to keep working offline: the event's public key, the revocation
 * list (cancelled registrations, superseded badge versions), the roster and the lists it can scan for;
 * then, every few seconds while online, what changed since ({@link #changes}). The roster holds what the
 * door needs and nothing more: names and organisation (to tell namesakes apart), type, status, badge
 * version, membership, sign-ups; no e-mail, no telephone.
 */
@Singleton
public class ScannerKit {

    @Serdeable
    public record ScannerData(long eventId, String event, String title, String publicKey, Instant generatedAt,
                              List<ListOption> lists, List<Long> cancelled, List<Superseded> superseded,
                              List<RosterEntry> roster, long scanCursor) {
    }

    /**
     * What changed since a page's last look: registrations changed at or after {@code since} (whole roster
     * entries: a cancellation, a new badge, someone registered at the desk) and the accepted scans of every door
     * after the scan cursor. {@code cursor} and {@code generatedAt} are what to send next time.
     */
    @Serdeable
    public record ScannerChanges(Instant generatedAt, long cursor, List<RosterEntry> roster, List<DoorScan> scans) {
    }

    /**
     * A list to scan for; {@code day} is the ISO date on which it may be used, {@code signUps} whether the session
     * has any, {@code capacity} the seats of a session's room (the door warns when it is full), null for an entrance.
     */
    @Serdeable
    public record ListOption(String key, String label, @Nullable String day, boolean membersOnly, boolean signUps,
                             @Nullable Integer capacity) {
    }

    /** Codes of this registration with a version below {@code currentVersion} are refused. */
    @Serdeable
    public record Superseded(long registrationId, int currentVersion) {
    }

    @Serdeable
    public record RosterEntry(long id, String firstName, String lastName, @Nullable String organisation,
                              String type, String status, int badgeVersion, boolean member, List<Long> sessions) {
    }

    @Serdeable
    public record EventOption(String slug, String title, Instant startsAt) {
    }

    private final EventRepository events;
    private final SessionRepository sessions;
    private final RoomRepository rooms;
    private final MembershipRepository memberships;
    private final CheckinRepository registrations;
    private final ScanLog scans;
    private final BadgeKeys keys;
    private final Clock clock;

    /** Scans re-read before the cursor: one committed late with a lower id is not missed. */
    static final int CURSOR_OVERLAP = 50;
    static final int MAX_SCANS = 5000;
    /** Registrations re-read before {@code since}: a change committed a moment after it was stamped. */
    static final java.time.Duration SINCE_OVERLAP = java.time.Duration.ofSeconds(10);

    ScannerKit(EventRepository events, SessionRepository sessions, RoomRepository rooms,
               MembershipRepository memberships, CheckinRepository registrations, ScanLog scans, BadgeKeys keys,
               Clock clock) {
        this.scans = scans;
        this.events = events;
        this.sessions = sessions;
        this.rooms = rooms;
        this.memberships = memberships;
        this.registrations = registrations;
        this.keys = keys;
        this.clock = clock;
    }

    /** Events a scanner may work for: published, not over for more than a day. */
    public List<EventOption> events() {
        return events.findPublicEndingAfter(clock.instant().minus(1, ChronoUnit.DAYS)).stream()
                .map(e -> new EventOption(e.slug(), e.title(), e.startsAt())).toList();
    }

    public Event event(String slug) {
        return events.findBySlug(slug).orElseThrow(() -> DomainException.notFound("event_not_found"));
    }

    public ScannerData forEvent(String slug) {
        Event event = event(slug);
        List<Attendee> roster = registrations.findRoster(event.id());
        Map<Long, List<Long>> signUps = signUps(event);
        Set<Long> members = members(event);
        Set<Long> sessionsWithSignUps = signUps.values().stream().flatMap(List::stream).collect(Collectors.toSet());
        long cursor = scans.maxId(event.id());
        return new ScannerData(event.id(), event.slug(), event.title(), keys.publicKeyBase64(event.id()),
                clock.instant(), lists(event, sessionsWithSignUps),
                roster.stream().filter(a -> RegistrationStatus.CANCELLED.name().equals(a.status()))
                        .map(Attendee::registrationId).toList(),
                roster.stream().filter(a -> a.badgeVersion() > 1)
                        .map(a -> new Superseded(a.registrationId(), a.badgeVersion())).toList(),
                roster.stream().map(a -> entry(a, members, signUps)).toList(), cursor);
    }

    /**
     * Changes since a page's last look. {@code afterScanId} 0 gives every accepted scan of the event (a page
     * just opened learns who is inside); {@code since} null gives no registration.
     */
    public ScannerChanges changes(String slug, long afterScanId, @Nullable Instant since) {
        Event event = event(slug);
        Instant now = clock.instant();
        List<RosterEntry> changed = List.of();
        if (since != null) {
            List<Attendee> rows = registrations.findRosterChangedSince(event.id(), since.minus(SINCE_OVERLAP));
            if (!rows.isEmpty()) {
                Map<Long, List<Long>> signUps = signUps(event);
                Set<Long> members = members(event);
                changed = rows.stream().map(a -> entry(a, members, signUps)).toList();
            }
        }
        List<DoorScan> found = scans.findAcceptedAfter(event.id(), Math.max(0, afterScanId - CURSOR_OVERLAP), MAX_SCANS);
        long cursor = found.isEmpty() ? afterScanId : Math.max(afterScanId, found.get(found.size() - 1).id());
        return new ScannerChanges(now, cursor, changed, found);
    }

    private Map<Long, List<Long>> signUps(Event event) {
        return registrations.findSignUps(event.id()).stream().collect(Collectors.groupingBy(
                CheckinRepository.SignUp::registrationId,
                Collectors.mapping(CheckinRepository.SignUp::sessionId, Collectors.toList())));
    }

    private Set<Long> members(Event event) {
        return new HashSet<>(memberships.findOrganisationIdsByYear(Times.paris(event.startsAt()).getYear()));
    }

    private static RosterEntry entry(Attendee a, Set<Long> members, Map<Long, List<Long>> signUps) {
        return new RosterEntry(a.registrationId(), a.firstName(), a.lastName(), a.organisationName(),
                a.participantType(), a.status(), a.badgeVersion(),
                a.organisationId() != null && members.contains(a.organisationId()),
                signUps.getOrDefault(a.registrationId(), List.of()));
    }

    /** The entrance of each day of the event, then each scheduled session with its room. */
    public List<ListOption> lists(Event event, Set<Long> sessionsWithSignUps) {
        List<ListOption> lists = new java.util.ArrayList<>();
        LocalDate last = Times.paris(event.endsAt()).toLocalDate();
        for (LocalDate day = Times.paris(event.startsAt()).toLocalDate(); !day.isAfter(last); day = day.plusDays(1)) {
            CheckinList list = CheckinList.entrance(day);
            lists.add(new ListOption(list.key(), day.toString(), day.toString(), event.membersOnly(), false, null));
        }
        List<Session> all = sessions.findByEventInOrder(event.id());
        List<Long> roomIds = all.stream().map(Session::roomId).filter(java.util.Objects::nonNull).distinct().toList();
        Map<Long, Room> roomsById = roomIds.isEmpty() ? Map.of() : rooms.findByIdIn(roomIds).stream()
                .collect(Collectors.toMap(Room::id, Function.identity()));
        for (Session session : all) {
            String day = session.startsAt() == null ? null : Times.paris(session.startsAt()).toLocalDate().toString();
            String when = session.startsAt() == null ? "" : Times.paris(session.startsAt()).toLocalDateTime()
                    .toString().replace('T', ' ') + " · ";
            Room room = session.roomId() == null ? null : roomsById.get(session.roomId());
            lists.add(new ListOption(CheckinList.session(session.id()).key(),
                    when + session.title() + (room == null ? "" : " · " + room.name()), day,
                    event.membersOnly() || session.membersOnly(), sessionsWithSignUps.contains(session.id()),
                    session.capacity() != null ? session.capacity() : room == null ? null : room.capacity()));
        }
        return lists;
    }
}
