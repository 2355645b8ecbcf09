package fr.cuf.rencontres.schedule;

import fr.cuf.rencontres.demo.DemoDataLoader;
import fr.cuf.rencontres.event.Event;
import fr.cuf.rencontres.event.EventKind;
import fr.cuf.rencontres.event.EventRepository;
import fr.cuf.rencontres.event.EventService;
import fr.cuf.rencontres.support.DatabaseTest;
import fr.cuf.rencontres.support.TestDatabase;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.StreamSupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The conflicts of the real demo programme of the 17th Rencontres, read from the database. */
@DatabaseTest
class DemoConflictsTest {

    @Inject DataSource dataSource;
    @Inject DemoDataLoader demo;
    @Inject EventService events;
    @Inject EventRepository eventRows;
    @Inject TimetableFactsLoader loader;
    @Inject SessionRepository sessions;
    @Inject Unavailability.PersonUnavailabilityRepository personUnavailability;
    @Inject ConflictTexts texts;
    @Inject ConflictFinder finder;

    Event rencontres;

    @BeforeEach
    void load() {
        TestDatabase.clean(dataSource);
        demo.load();
        // the next edition: the latest one (its slug follows the year it lands in, see demo/README.md)
        rencontres = StreamSupport.stream(eventRows.findAll().spliterator(), false)
                .filter(e -> e.kind() == EventKind.CONFERENCE_EDITION)
                .max(Comparator.comparing(Event::startsAt)).orElseThrow();
    }

    @Test
    void the_demo_programme_has_no_hard_conflict_and_the_expected_soft_ones() {
        TimetableFacts facts = loader.load(rencontres);
        assertEquals(43, facts.sessions().size());
        assertEquals(12, facts.rooms().size());
        List<Conflict> conflicts = finder.find(facts);
        assertEquals(List.of(), conflicts.stream().filter(Conflict::hard).toList());
        // Sénégal and Madagascar, both in the Afrique pole, run in parallel at 14:30 on 8 July
        assertTrue(conflicts.stream().anyMatch(c -> c.code().equals("same_pole_parallel")
                && c.args().contains("Point Sénégal") && c.args().contains("Point Madagascar")), conflicts.toString());
        // Lucie Martin goes from Point Sénégal (Kléber, until 16:00) to the café (16:00) without a pause
        Conflict pause = conflicts.stream().filter(c -> c.code().equals("person_no_pause")).findFirst().orElseThrow();
        assertTrue(texts.text(pause, Locale.FRENCH).contains("minutes de pause"), texts.text(pause, Locale.FRENCH));
    }

    @Test
    void moving_a_briefing_onto_a_busy_room_and_an_absent_chair_gives_hard_conflicts() {
        Session senegal = sessions.findByEventInOrder(rencontres.id()).stream()
                .filter(s -> s.title().equals("Point Sénégal")).findFirst().orElseThrow();
        Session arménie = sessions.findByEventInOrder(rencontres.id()).stream()
                .filter(s -> s.title().equals("Point Arménie")).findFirst().orElseThrow();
        sessions.update(senegal.placed(senegal.startsAt(), senegal.endsAt(), arménie.roomId(), Instant.now()));
        personUnavailability.save(new Unavailability.OfPerson(null, senegal.chairPersonId(), senegal.startsAt(),
                senegal.endsAt(), "conseil municipal", Instant.now()));

        List<String> hard = finder.find(loader.load(rencontres)).stream().filter(Conflict::hard)
                .map(Conflict::code).sorted().toList();
        assertEquals(List.of("person_unavailable", "room_double_booked"), hard);
    }
}
