package fr.cuf.rencontres.demo;

import fr.cuf.rencontres.event.Event;
import fr.cuf.rencontres.event.EventForm;
import fr.cuf.rencontres.event.EventFormat;
import fr.cuf.rencontres.event.EventKind;
import fr.cuf.rencontres.event.EventService;
import fr.cuf.rencontres.event.EventStatus;
import fr.cuf.rencontres.schedule.ProgrammePublisher;
import fr.cuf.rencontres.schedule.ScheduleBlock;
import fr.cuf.rencontres.schedule.ScheduleBlockRepository;
import fr.cuf.rencontres.schedule.Session;
import fr.cuf.rencontres.schedule.SessionKind;
import fr.cuf.rencontres.schedule.SessionRepository;
import fr.cuf.rencontres.support.Times;
import jakarta.inject.Singleton;
import org.apache.commons.csv.CSVRecord;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static fr.cuf.rencontres.demo.DemoCsv.dateTime;
import static fr.cuf.rencontres.demo.DemoCsv.flag;
import static fr.cuf.rencontres.demo.DemoCsv.list;
import static fr.cuf.rencontres.demo.DemoCsv.number;
import static fr.cuf.rencontres.demo.DemoCsv.read;
import static fr.cuf.rencontres.demo.DemoCsv.text;

/** The demo's events, moved by the {@link DemoCalendar}, with their sessions and the next edition's programme. */
@Singleton
class DemoEvents {

    private static final String ACTOR = "demo";

    private final EventService events;
    private final SessionRepository sessions;
    private final ScheduleBlockRepository blocks;
    private final ProgrammePublisher publisher;

    DemoEvents(EventService events, SessionRepository sessions, ScheduleBlockRepository blocks,
               ProgrammePublisher publisher) {
        this.events = events;
        this.sessions = sessions;
        this.blocks = blocks;
        this.publisher = publisher;
    }

    /** The events, their sessions and schedule blocks; the events keyed by their slug in the files. */
    Map<String, Event> load(DemoCalendar calendar, DemoVenues.Places places, DemoDirectory.Ids ids, Instant now) {
        Map<String, Event> bySlug = loadEvents(calendar, places.venueIds(), ids.groups());
        loadSessions(calendar, bySlug, places, ids, now);
        loadScheduleBlocks(calendar, bySlug, now);
        return bySlug;
    }

    private Map<String, Event> loadEvents(DemoCalendar calendar, Map<String, Long> venueIds, Map<String, Long> groupIds) {
        Map<String, Event> bySlug = new HashMap<>();
        for (CSVRecord row : read("events.csv")) {
            DemoCalendar.Move move = calendar.move(row.get("slug"));
            boolean next = row.get("slug").equals(calendar.nextEdition());
            LocalDateTime opens = next ? calendar.nextEditionOpened() : move.apply(dateTime(row, "registration_opens_at"));
            Event saved = events.create(new EventForm(move.text(row.get("title")), move.text(row.get("slug")),
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

    private void loadSessions(DemoCalendar calendar, Map<String, Event> eventsBySlug, DemoVenues.Places places,
                              DemoDirectory.Ids ids, Instant now) {
        for (CSVRecord row : read("sessions.csv")) {
            Event event = eventsBySlug.get(row.get("event_slug"));
            DemoCalendar.Move move = calendar.move(row.get("event_slug"));
            String roomName = text(row, "room_name");
            Long roomId = roomName == null ? null : places.roomIds().get(event.venueId()).get(roomName);
            Session saved = sessions.save(new Session(null, event.id(), move.text(row.get("title")),
                    move.text(text(row, "description")), SessionKind.valueOf(row.get("kind")),
                    Times.fromParis(move.apply(dateTime(row, "starts_at"))),
                    Times.fromParis(move.apply(dateTime(row, "ends_at"))), roomId,
                    ids.persons().get(text(row, "chair_person_key")),
                    flag(row, "members_only"), number(row, "capacity"), number(row, "expected_audience"),
                    String.join(",", list(row, "languages")), now, now, null));
            List<String> speakers = list(row, "speaker_keys");
            for (int i = 0; i < speakers.size(); i++) {
                sessions.addSpeaker(saved.id(), ids.persons().get(speakers.get(i)), i);
            }
            for (String group : list(row, "group_slugs")) {
                sessions.addGroup(saved.id(), ids.groups().get(group));
            }
        }
    }

    /**
     * The next edition's briefing blocks and plenary slots, then version 1 of that programme, published: the public
     * page shows published versions, and staff can try the changelog by publishing version 2.
     */
    private void loadScheduleBlocks(DemoCalendar calendar, Map<String, Event> eventsBySlug, Instant now) {
        for (CSVRecord row : read("schedule_blocks.csv")) {
            DemoCalendar.Move move = calendar.move(row.get("event_slug"));
            blocks.save(new ScheduleBlock(null, eventsBySlug.get(row.get("event_slug")).id(),
                    ScheduleBlock.Kind.valueOf(row.get("kind")), Times.fromParis(move.apply(dateTime(row, "starts_at"))),
                    Times.fromParis(move.apply(dateTime(row, "ends_at"))), now));
        }
        publisher.publish(eventsBySlug.get(calendar.nextEdition()), ACTOR);
    }
}
