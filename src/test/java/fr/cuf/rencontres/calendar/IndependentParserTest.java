package fr.cuf.rencontres.calendar;

import fr.cuf.rencontres.member.Person;
import fr.cuf.rencontres.registration.RegistrationStatus;
import fr.cuf.rencontres.support.DatabaseTest;
import fr.cuf.rencontres.support.TestDatabase;
import io.micronaut.context.annotation.Property;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Every feed read back by Debian's python3-icalendar, a parser that shares nothing with ical4j. */
@DatabaseTest
@Property(name = "rencontres.clock.fixed", value = "2026-05-01T10:00:00+02:00")
// every test rebuilds its data under the same slugs: no fingerprint may be trusted from one to the next
@Property(name = "rencontres.calendar.fingerprint-max-age", value = "PT0S")
class IndependentParserTest {

    @Inject @Client("/") HttpClient client;
    @Inject DataSource dataSource;
    @Inject CalendarWorld world;
    @Inject AgendaTokens tokens;
    @Inject JsonMapper json;
    @Inject fr.cuf.rencontres.schedule.SessionChanges sessionChanges;

    @BeforeEach
    void data() {
        assumeTrue(Ics.pythonAvailable(), "python3-icalendar is not installed (apt-get install -y python3-icalendar)");
        TestDatabase.clean(dataSource);
        world.build();
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> parse(String path) throws Exception {
        byte[] feed = client.toBlocking().retrieve(HttpRequest.GET(path), byte[].class);
        Ics.parse(feed); // and ical4j too
        return json.readValue(Ics.python(feed), Argument.mapOf(String.class, Object.class));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> event(Map<String, Object> parsed, String uid) {
        return ((List<Map<String, Object>>) parsed.get("events")).stream().filter(e -> uid.equals(e.get("uid")))
                .findFirst().orElseThrow(() -> new AssertionError(uid + " not in " + parsed));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> start(Map<String, Object> event) {
        return (Map<String, Object>) event.get("start");
    }

    @Test
    @SuppressWarnings("unchecked")
    void programme_feed_reads_the_same_with_python() throws Exception {
        sessionChanges.move(world.briefing.id(), Instant.parse("2026-07-08T14:30:00Z"),
                Instant.parse("2026-07-08T16:00:00Z"), world.eiffel.id(), "test");
        sessionChanges.cancel(world.cafe.id(), "test");
        Map<String, Object> parsed = parse("/events/rencontres-2026/programme.ics");
        Map<String, Object> calendar = (Map<String, Object>) parsed.get("calendar");
        assertEquals("17es Rencontres de l'AICT — programme", calendar.get("X-WR-CALNAME"));
        assertEquals("Europe/Paris", calendar.get("X-WR-TIMEZONE"));
        assertEquals("PT1H", calendar.get("X-PUBLISHED-TTL"));
        assertEquals("DURATION", parsed.get("refresh_value"));
        assertEquals(List.of("Europe/Paris"), parsed.get("timezones"));
        assertEquals(3, ((List<?>) parsed.get("events")).size());

        Map<String, Object> opening = event(parsed, world.uid(world.opening));
        assertEquals("Europe/Paris", start(opening).get("tzid"));
        assertEquals("2026-07-08T07:00:00+00:00", start(opening).get("utc"), "09:00 in Paris in summer");
        assertEquals("CONFIRMED", opening.get("status"));
        assertTrue(((String) opening.get("description")).contains("Présidence : François Bonneau\n"));

        Map<String, Object> moved = event(parsed, world.uid(world.briefing));
        assertEquals(1, moved.get("sequence"));
        assertEquals("2026-07-08T14:30:00+00:00", start(moved).get("utc"));
        Map<String, Object> cancelled = event(parsed, world.uid(world.cafe));
        assertEquals("CANCELLED", cancelled.get("status"));
        assertEquals("ANNULÉ : Café des Rencontres", cancelled.get("summary"));
    }

    @Test
    void association_and_group_feeds_read_the_same_with_python() throws Exception {
        Map<String, Object> all = parse("/calendar.ics");
        Map<String, Object> conference = event(all, world.uid(world.conference));
        assertEquals(true, start(conference).get("date"));
        assertEquals("2026-07-08", start(conference).get("iso"));
        assertEquals("2026-07-10", ((Map<?, ?>) conference.get("end")).get("iso"), "exclusive end");
        Map<String, Object> members = event(all, world.uid(world.marocMeeting));
        assertTrue(((String) members.get("description")).contains("Réservé aux collectivités adhérentes"));
        assertFalse(String.valueOf(all).contains("visio.example.org"));

        Map<String, Object> group = parse("/groups/groupe-pays-japon/meetings.ics");
        Map<String, Object> japon = event(group, world.uid(world.japonMeeting));
        assertEquals("2026-06-04T08:30:00+00:00", start(japon).get("utc"));
        assertEquals("Salons de l'Hôtel des Arts et Métiers, 9 bis avenue d'Iéna, 75116 Paris, En ligne (visioconférence)",
                japon.get("location"));
    }

    @Test
    void personal_feed_reads_the_same_with_python() throws Exception {
        Person elue = world.fixtures.person("Léonore", "Moncond'huy", "Maire de Poitiers", null);
        var registration = world.register(elue, world.japonMeeting, RegistrationStatus.CONFIRMED);
        String path = URI.create(tokens.issue(registration.id(), "test").https()).getPath();
        Map<String, Object> parsed = parse(path);
        Map<String, Object> japon = event(parsed, world.uid(world.japonMeeting));
        assertTrue(((String) japon.get("description")).contains("https://visio.example.org/secret-japon"));
        assertTrue(((String) japon.get("location")).endsWith("https://visio.example.org/secret-japon"));
    }
}
