package fr.cuf.rencontres.demo;

import fr.cuf.rencontres.config.RencontresConfiguration;
import fr.cuf.rencontres.config.RencontresConfiguration.DemoLoad;
import fr.cuf.rencontres.event.Event;
import fr.cuf.rencontres.event.EventForm;
import fr.cuf.rencontres.event.EventFormat;
import fr.cuf.rencontres.event.EventKind;
import fr.cuf.rencontres.event.EventRepository;
import fr.cuf.rencontres.event.EventService;
import fr.cuf.rencontres.event.EventStatus;
import fr.cuf.rencontres.event.Room;
import fr.cuf.rencontres.event.RoomForm;
import fr.cuf.rencontres.event.VenueForm;
import fr.cuf.rencontres.event.VenueService;
import fr.cuf.rencontres.group.GroupForm;
import fr.cuf.rencontres.group.GroupKind;
import fr.cuf.rencontres.group.GroupService;
import fr.cuf.rencontres.group.Pole;
import fr.cuf.rencontres.member.OrganisationForm;
import fr.cuf.rencontres.member.OrganisationKind;
import fr.cuf.rencontres.member.OrganisationRepository;
import fr.cuf.rencontres.member.OrganisationService;
import fr.cuf.rencontres.member.Person;
import fr.cuf.rencontres.member.PersonRepository;
import fr.cuf.rencontres.schedule.ProgrammePublisher;
import fr.cuf.rencontres.schedule.ScheduleBlock;
import fr.cuf.rencontres.schedule.ScheduleBlockRepository;
import fr.cuf.rencontres.schedule.Session;
import fr.cuf.rencontres.schedule.SessionKind;
import fr.cuf.rencontres.schedule.SessionRepository;
import fr.cuf.rencontres.staff.Role;
import fr.cuf.rencontres.staff.StaffDirectory;
import fr.cuf.rencontres.staff.StaffRepository;
import fr.cuf.rencontres.support.Times;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.core.annotation.Order;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.apache.commons.csv.CSVRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static fr.cuf.rencontres.demo.DemoCsv.dateTime;
import static fr.cuf.rencontres.demo.DemoCsv.flag;
import static fr.cuf.rencontres.demo.DemoCsv.list;
import static fr.cuf.rencontres.demo.DemoCsv.number;
import static fr.cuf.rencontres.demo.DemoCsv.read;
import static fr.cuf.rencontres.demo.DemoCsv.text;
import static fr.cuf.rencontres.demo.DemoCsv.time;

/**
 * Loads CUF's demo data (real groups, authorities and meetings from the newsletters; fictitious
 * participants) into an EMPTY database, in one transaction, through the same services staff use,
 * so the data passes the same validation. See {@link RencontresConfiguration.DemoSettings}.
 */
@Singleton
public class DemoDataLoader {

    private static final Logger LOG = LoggerFactory.getLogger(DemoDataLoader.class);
    private static final String ACTOR = "demo";

    private final RencontresConfiguration configuration;
    private final String jdbcUrl;
    private final OrganisationService organisationService;
    private final OrganisationRepository organisations;
    private final PersonRepository persons;
    private final GroupService groups;
    private final VenueService venues;
    private final EventService eventService;
    private final EventRepository events;
    private final SessionRepository sessions;
    private final StaffDirectory staff;
    private final StaffRepository staffAccounts;
    private final Clock clock;
    private final DemoHistory history;
    private final DemoProposal proposal;
    private final ScheduleBlockRepository blocks;
    private final ProgrammePublisher publisher;

    DemoDataLoader(RencontresConfiguration configuration, @Value("${datasources.default.url}") String jdbcUrl,
                   OrganisationService organisationService, OrganisationRepository organisations,
                   PersonRepository persons, GroupService groups, VenueService venues, EventService eventService,
                   EventRepository events, SessionRepository sessions, StaffDirectory staff,
                   StaffRepository staffAccounts, Clock clock, DemoHistory history,
                   DemoProposal proposal, ScheduleBlockRepository blocks, ProgrammePublisher publisher) {
        this.history = history;
        this.proposal = proposal;
        this.blocks = blocks;
        this.publisher = publisher;
        this.configuration = configuration;
        this.jdbcUrl = jdbcUrl;
        this.organisationService = organisationService;
        this.organisations = organisations;
        this.persons = persons;
        this.groups = groups;
        this.venues = venues;
        this.eventService = eventService;
        this.events = events;
        this.sessions = sessions;
        this.staff = staff;
        this.staffAccounts = staffAccounts;
        this.clock = clock;
    }

    @EventListener
    @Order(-100)
    void onStartup(StartupEvent event) {
        if (shouldLoad()) {
            long started = System.nanoTime();
            Event next = load();
            proposal.proposeWorkshops(next);
            LOG.info("Loaded the demo data in {} ms", (System.nanoTime() - started) / 1_000_000);
        }
    }

    boolean shouldLoad() {
        DemoLoad mode = configuration.getDemo().getLoad();
        boolean wanted = mode == DemoLoad.ALWAYS || (mode == DemoLoad.AUTO && jdbcUrl.startsWith("jdbc:h2:file:"));
        return wanted && organisations.count() == 0 && events.count() == 0;
    }

    /**
     * Loads every demo file; all or nothing. Dates are placed relative to the clock's day (see
     * {@link DemoCalendar}), then the next edition gets a few weeks of registrations and the previous one its
     * attendance ({@link DemoHistory}).
     */
    @Transactional
    public Event load() {
        DemoCalendar calendar = DemoCalendar.place(Times.paris(clock.instant()).toLocalDate(), datedEvents());
        // memberships follow the editions: a member of the files' 2026 edition is a member of the next one
        Map<String, Long> organisationIds = loadOrganisations(calendar.move(calendar.nextEdition()).years());
        Map<String, Long> personIds = loadPersons(organisationIds);
        Map<String, Long> groupIds = loadGroups(personIds);
        Places places = loadVenues();
        Map<String, Event> eventsBySlug = loadEvents(calendar, places.venueIds(), groupIds);
        loadSessions(calendar, eventsBySlug, places, personIds, groupIds);
        loadScheduleBlocks(calendar, eventsBySlug);
        loadStaff();
        Event next = eventsBySlug.get(calendar.nextEdition());
        history.load(next, eventsBySlug.get(calendar.previousEdition()));
        return next;
    }

    /** The events of the files as written, for {@link DemoCalendar#place}. */
    static List<DemoCalendar.Dated> datedEvents() {
        return read("events.csv").stream().map(row -> {
            EventKind kind = EventKind.valueOf(row.get("kind"));
            String group = text(row, "group_slug");
            String series = text(row, "series");
            // a group's meetings, a series, or one bilateral meeting held again over the years
            String family = kind == EventKind.GROUP_MEETING && group != null ? DemoCalendar.GROUP + group
                    : series != null ? "series:" + series : kind + ":" + row.get("slug").replaceAll("-?[0-9-]+$", "");
            return new DemoCalendar.Dated(row.get("slug"), family, dateTime(row, "starts_at"),
                    kind == EventKind.CONFERENCE_EDITION);
        }).toList();
    }

    private Map<String, Long> loadOrganisations(int yearsMoved) {
        Map<String, Long> ids = new HashMap<>();
        for (CSVRecord row : read("organisations.csv")) {
            long id = organisationService.create(new OrganisationForm(text(row, "name"),
                    OrganisationKind.valueOf(row.get("kind")), text(row, "country"), text(row, "siren"),
                    text(row, "insee_code"), text(row, "address_line"), text(row, "postal_code"),
                    text(row, "city")), ACTOR).id();
            ids.put(row.get("key"), id);
            for (String year : list(row, "member_years")) {
                organisationService.addMembership(id, Integer.parseInt(year) + yearsMoved, ACTOR);
            }
        }
        return ids;
    }

    private Map<String, Long> loadPersons(Map<String, Long> organisationIds) {
        Map<String, Long> ids = new HashMap<>();
        Instant now = clock.instant();
        for (CSVRecord row : read("persons.csv")) {
            Person saved = persons.save(new Person(null, row.get("first_name"), row.get("last_name"),
                    text(row, "function_title"), text(row, "email"), null,
                    organisationIds.get(text(row, "organisation_key")), flag(row, "elected_official"), now, now, null));
            ids.put(row.get("key"), saved.id());
        }
        return ids;
    }

    private Map<String, Long> loadGroups(Map<String, Long> personIds) {
        Map<String, Long> ids = new HashMap<>();
        for (CSVRecord row : read("groups.csv")) {
            String pole = text(row, "pole");
            long id = groups.create(new GroupForm(row.get("name"), row.get("slug"), GroupKind.valueOf(row.get("kind")),
                    pole == null ? null : Pole.valueOf(pole), personIds.get(text(row, "chair_person_key")),
                    text(row, "description"), flag(row, "members_only")), ACTOR).id();
            ids.put(row.get("slug"), id);
        }
        return ids;
    }

    /** Venue ids by key, and room ids by venue id then room name. */
    private record Places(Map<String, Long> venueIds, Map<Long, Map<String, Long>> roomIds) {
    }

    private Places loadVenues() {
        Map<String, Long> venueIds = new HashMap<>();
        for (CSVRecord row : read("venues.csv")) {
            venueIds.put(row.get("key"), venues.create(new VenueForm(row.get("name"), text(row, "address_line"),
                    text(row, "postal_code"), row.get("city"), row.get("country"), time(row, "opening_time"),
                    time(row, "closing_time")), ACTOR).id());
        }
        Map<Long, Map<String, Long>> rooms = new HashMap<>();
        for (CSVRecord row : read("rooms.csv")) {
            Room room = venues.addRoom(venueIds.get(row.get("venue_key")), new RoomForm(row.get("name"),
                    number(row, "capacity"), flag(row, "interpretation_booths"), flag(row, "video_link"),
                    flag(row, "stage"), flag(row, "b2b_tables")), ACTOR);
            rooms.computeIfAbsent(room.venueId(), k -> new HashMap<>()).put(room.name(), room.id());
        }
        return new Places(venueIds, rooms);
    }

    /** The events, moved; keyed by their slug in the files. */
    private Map<String, Event> loadEvents(DemoCalendar calendar, Map<String, Long> venueIds, Map<String, Long> groupIds) {
        Map<String, Event> bySlug = new HashMap<>();
        for (CSVRecord row : read("events.csv")) {
            DemoCalendar.Move move = calendar.move(row.get("slug"));
            boolean next = row.get("slug").equals(calendar.nextEdition());
            LocalDateTime opens = next ? calendar.nextEditionOpened() : move.apply(dateTime(row, "registration_opens_at"));
            Event saved = eventService.create(new EventForm(move.text(row.get("title")), move.text(row.get("slug")),
                    EventKind.valueOf(row.get("kind")), move.text(text(row, "summary")), text(row, "series"),
                    move.apply(dateTime(row, "starts_at")), move.apply(dateTime(row, "ends_at")),
                    EventFormat.valueOf(row.get("format")), venueIds.get(text(row, "venue_key")),
                    move.text(text(row, "location_note")), move.text(text(row, "online_link")),
                    flag(row, "members_only"), groupIds.get(text(row, "group_slug")), number(row, "capacity"),
                    opens, move.apply(dateTime(row, "registration_closes_at")),
                    EventStatus.valueOf(row.get("status"))), ACTOR);
            bySlug.put(row.get("slug"), saved);
        }
        return bySlug;
    }

    private void loadSessions(DemoCalendar calendar, Map<String, Event> eventsBySlug, Places places,
                              Map<String, Long> personIds, Map<String, Long> groupIds) {
        Instant now = clock.instant();
        for (CSVRecord row : read("sessions.csv")) {
            Event event = eventsBySlug.get(row.get("event_slug"));
            DemoCalendar.Move move = calendar.move(row.get("event_slug"));
            String roomName = text(row, "room_name");
            Long roomId = roomName == null ? null : places.roomIds().get(event.venueId()).get(roomName);
            Session saved = sessions.save(new Session(null, event.id(), move.text(row.get("title")),
                    move.text(text(row, "description")), SessionKind.valueOf(row.get("kind")),
                    Times.fromParis(move.apply(dateTime(row, "starts_at"))),
                    Times.fromParis(move.apply(dateTime(row, "ends_at"))), roomId, personIds.get(text(row, "chair_person_key")),
                    flag(row, "members_only"), number(row, "capacity"), number(row, "expected_audience"),
                    String.join(",", list(row, "languages")), now, now, null));
            List<String> speakers = list(row, "speaker_keys");
            for (int i = 0; i < speakers.size(); i++) {
                sessions.addSpeaker(saved.id(), personIds.get(speakers.get(i)), i);
            }
            for (String group : list(row, "group_slugs")) {
                sessions.addGroup(saved.id(), groupIds.get(group));
            }
        }
    }

    /**
     * The next edition's briefing blocks and plenary slots, then version 1 of that programme, published: the public
     * page shows published versions, and staff can try the changelog by publishing version 2.
     */
    private void loadScheduleBlocks(DemoCalendar calendar, Map<String, Event> eventsBySlug) {
        Instant now = clock.instant();
        for (CSVRecord row : read("schedule_blocks.csv")) {
            DemoCalendar.Move move = calendar.move(row.get("event_slug"));
            blocks.save(new ScheduleBlock(null, eventsBySlug.get(row.get("event_slug")).id(),
                    ScheduleBlock.Kind.valueOf(row.get("kind")), Times.fromParis(move.apply(dateTime(row, "starts_at"))),
                    Times.fromParis(move.apply(dateTime(row, "ends_at"))), now));
        }
        publisher.publish(eventsBySlug.get(calendar.nextEdition()), ACTOR);
    }

    /** The demo staff accounts of the README, password "demo-rencontres"; only ever created with the demo data. */
    public static final String DEMO_PASSWORD = "demo-rencontres";

    private void loadStaff() {
        Map<String, Role> accounts = Map.of("admin", Role.ADMIN, "programme", Role.PROGRAMME,
                "desk", Role.REGISTRATION_DESK, "scanner", Role.SCANNER);
        accounts.forEach((username, role) -> {
            if (staffAccounts.findByUsername(username).isEmpty()) {
                staff.create(username, "Démo " + username, DEMO_PASSWORD, EnumSet.of(role));
            }
        });
    }
}
