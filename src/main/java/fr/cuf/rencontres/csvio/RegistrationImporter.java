package fr.cuf.rencontres.csvio;

import fr.cuf.rencontres.event.Event;
import fr.cuf.rencontres.registration.ParticipantType;
import fr.cuf.rencontres.registration.Registration;
import fr.cuf.rencontres.registration.RegistrationRepository;
import fr.cuf.rencontres.schedule.Session;
import fr.cuf.rencontres.schedule.SessionRepository;
import fr.cuf.rencontres.support.DomainException;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static fr.cuf.rencontres.csvio.ImportField.*;

/**
 * A delegation list for one event: each row is a person (created or updated as in a person file) and
 * their registration, with the sessions they chose. A person already registered (not cancelled) is left
 * as is. Rows beyond the event's capacity are refused ({@code event_full}), counted under a lock on commit.
 */
@Singleton
class RegistrationImporter implements RowImporter<RegistrationImporter.Change> {

    record Change(PersonMatcher.Match person, ParticipantType type, List<Long> sessionIds) {
    }

    private final PersonMatcher matcher;
    private final RegistrationRepository registrations;
    private final SessionRepository sessions;
    private final ImportedRegistrations writer;

    RegistrationImporter(PersonMatcher matcher, RegistrationRepository registrations, SessionRepository sessions,
                         ImportedRegistrations writer) {
        this.matcher = matcher;
        this.registrations = registrations;
        this.sessions = sessions;
        this.writer = writer;
    }

    @Override
    public ImportKind kind() {
        return ImportKind.REGISTRATIONS;
    }

    @Override
    public List<ImportField> requiredColumns() {
        return List.of(FIRST_NAME, LAST_NAME);
    }

    @Override
    public void lock(Event event) {
        writer.lockEvent(event.id());
    }

    @Override
    public List<Planned<Change>> plan(List<ImportRow> rows, Event event) {
        if (event == null) {
            throw DomainException.invalid("event", "event_required");
        }
        PersonMatcher.Known known = matcher.load();
        Set<Long> registered = new java.util.HashSet<>();
        for (Registration r : registrations.findByEventId(event.id())) {
            if (r.status() != fr.cuf.rencontres.registration.RegistrationStatus.CANCELLED) {
                registered.add(r.personId());
            }
        }
        Map<String, Long> sessionIds = new HashMap<>();
        for (Session s : sessions.findByEventInOrder(event.id())) {
            sessionIds.putIfAbsent(HeaderNames.words(s.title()), s.id());
        }
        long free = event.capacity() == null ? Long.MAX_VALUE : event.capacity() - writer.seatsTaken(event.id());
        List<Planned<Change>> plans = new ArrayList<>(rows.size());
        for (ImportRow row : rows) {
            List<RowProblem> problems = new ArrayList<>();
            Optional<PersonMatcher.Match> person = matcher.match(row, known, problems);
            ParticipantType type = participantType(row, person, problems);
            List<Long> chosen = sessions(row, sessionIds, problems);
            if (!problems.isEmpty()) {
                plans.add(Planned.rejected(row, problems));
                continue;
            }
            Change change = new Change(person.get(), type, chosen);
            if (person.get().id() != null && registered.contains(person.get().id())) {
                plans.add(new Planned<>(row, person.get().changed() ? Planned.Outcome.UPDATE : Planned.Outcome.UNCHANGED,
                        change, List.of()));
            } else if (free <= 0) {
                plans.add(Planned.rejected(row, List.of(row.problem(null, "event_full", event.capacity()))));
            } else {
                free--;
                plans.add(new Planned<>(row, Planned.Outcome.CREATE, change, List.of()));
            }
        }
        return plans;
    }

    private static ParticipantType participantType(ImportRow row, Optional<PersonMatcher.Match> person,
                                                   List<RowProblem> problems) {
        if (row.has(PARTICIPANT_TYPE)) {
            Optional<ParticipantType> type = ParticipantTypes.parse(row.get(PARTICIPANT_TYPE));
            if (type.isEmpty()) {
                problems.add(row.problem(PARTICIPANT_TYPE, "unknown_participant_type", row.get(PARTICIPANT_TYPE)));
                return null;
            }
            return type.get();
        }
        return person.map(p -> p.form().electedOfficial()).orElse(false)
                ? ParticipantType.ELECTED_OFFICIAL : ParticipantType.OFFICER;
    }

    /** Session titles separated by "|" or line breaks (a title may contain commas). */
    private static List<Long> sessions(ImportRow row, Map<String, Long> sessionIds, List<RowProblem> problems) {
        if (!row.has(SESSIONS)) {
            return List.of();
        }
        Set<Long> chosen = new LinkedHashSet<>();
        for (String title : row.get(SESSIONS).split("[|\\n\\r]+")) {
            if (title.isBlank()) {
                continue;
            }
            Long id = sessionIds.get(HeaderNames.words(title));
            if (id == null) {
                problems.add(row.problem(SESSIONS, "unknown_session", title.strip()));
            } else {
                chosen.add(id);
            }
        }
        return List.copyOf(chosen);
    }

    @Override
    public void write(List<Planned<Change>> accepted, Event event, String actor) {
        for (Planned<Change> planned : accepted) {
            Change change = planned.change();
            long personId = matcher.write(change.person(), actor);
            if (planned.outcome() == Planned.Outcome.CREATE) {
                writer.register(event.id(), personId, change.person().form().organisationId(), change.type(),
                        change.sessionIds(), actor);
            }
        }
    }
}
