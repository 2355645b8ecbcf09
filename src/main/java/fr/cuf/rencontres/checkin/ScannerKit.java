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
 * list (cancelled registrations, superseded badge versions), the roster (names, types, sign-ups,
 * membership) and the lists it can scan for.
 */
@Singleton
public class ScannerKit {

    @Serdeable
    public record ScannerData(long eventId, String event, String title, String publicKey, Instant generatedAt,
                              List<ListOption> lists, List<Long> cancelled, List<Superseded> superseded,
                              List<RosterEntry> roster) {
    }

    /** A list to scan for; {@code day} is the ISO date on which it may be used, {@code signUps} whether the session has any. */
    @Serdeable
    public record ListOption(String key, String label, @Nullable String day, boolean membersOnly, boolean signUps) {
    }

    /** Codes of this registration with a version below {@code currentVersion} are refused. */
    @Serdeable
    public record Superseded(long registrationId, int currentVersion) {
    }

    @Serdeable
    public record RosterEntry(long id, String firstName, String lastName, String type, String status,
                              int badgeVersion, boolean member, List<Long> sessions) {
    }

    @Serdeable
    public record EventOption(String slug, String title, Instant startsAt) {
    }

    private final EventRepository events;
    private final SessionRepository sessions;
    private final RoomRepository rooms;
    private final MembershipRepository memberships;
    private final CheckinQueries registrations;
    private final BadgeKeys keys;
    private final Clock clock;

    ScannerKit(EventRepository events, SessionRepository sessions, RoomRepository rooms,
               MembershipRepository memberships, CheckinQueries registrations, BadgeKeys keys, Clock clock) {
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
        Map<Long, List<Long>> signUps = registrations.findSignUps(event.id()).stream().collect(Collectors.groupingBy(
                CheckinQueries.SignUp::registrationId,
                Collectors.mapping(CheckinQueries.SignUp::sessionId, Collectors.toList())));
        Set<Long> members = new HashSet<>(memberships.findOrganisationIdsByYear(Times.paris(event.startsAt()).getYear()));
        Set<Long> sessionsWithSignUps = signUps.values().stream().flatMap(List::stream).collect(Collectors.toSet());
        return new ScannerData(event.id(), event.slug(), event.title(), keys.publicKeyBase64(event.id()),
                clock.instant(), lists(event, sessionsWithSignUps),
                roster.stream().filter(a -> RegistrationStatus.CANCELLED.name().equals(a.status()))
                        .map(Attendee::registrationId).toList(),
                roster.stream().filter(a -> a.badgeVersion() > 1)
                        .map(a -> new Superseded(a.registrationId(), a.badgeVersion())).toList(),
                roster.stream().map(a -> new RosterEntry(a.registrationId(), a.firstName(), a.lastName(),
                        a.participantType(), a.status(), a.badgeVersion(),
                        a.organisationId() != null && members.contains(a.organisationId()),
                        signUps.getOrDefault(a.registrationId(), List.of()))).toList());
    }

    /** The entrance of each day of the event, then each scheduled session with its room. */
    public List<ListOption> lists(Event event, Set<Long> sessionsWithSignUps) {
        List<ListOption> lists = new java.util.ArrayList<>();
        LocalDate last = Times.paris(event.endsAt()).toLocalDate();
        for (LocalDate day = Times.paris(event.startsAt()).toLocalDate(); !day.isAfter(last); day = day.plusDays(1)) {
            CheckinList list = CheckinList.entrance(day);
            lists.add(new ListOption(list.key(), day.toString(), day.toString(), event.membersOnly(), false));
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
                    event.membersOnly() || session.membersOnly(), sessionsWithSignUps.contains(session.id())));
        }
        return lists;
    }
}
