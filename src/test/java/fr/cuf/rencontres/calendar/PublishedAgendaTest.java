package fr.cuf.rencontres.calendar;

import fr.cuf.rencontres.member.Person;
import fr.cuf.rencontres.registration.Registration;
import fr.cuf.rencontres.registration.RegistrationStatus;
import fr.cuf.rencontres.schedule.ProgrammePublisher;
import fr.cuf.rencontres.support.DatabaseTest;
import fr.cuf.rencontres.support.TestDatabase;
import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import jakarta.inject.Inject;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 14: once a programme version is published, the programme feed and the personal feed answered 500
 * (published sessions had no timestamps); and the mail's .ics and the personal feed disagreed. Both now
 * come from one builder.
 */
@DatabaseTest
@Property(name = "rencontres.clock.fixed", value = "2026-05-01T10:00:00+02:00")
class PublishedAgendaTest {

    @Inject @Client("/") HttpClient client;
    @Inject DataSource dataSource;
    @Inject CalendarWorld world;
    @Inject ProgrammePublisher publisher;
    @Inject AgendaTokens tokens;
    @Inject AgendaFeed agenda;

    Registration registration;

    @BeforeEach
    void data() {
        TestDatabase.clean(dataSource);
        world.build();
        publisher.publish(world.conference, "test");
        Person elue = world.fixtures.person("Léonore", "Moncond'huy", "Maire de Poitiers", null);
        registration = world.register(elue, world.conference, RegistrationStatus.CONFIRMED);
        world.registrations.addSession(registration.id(), world.opening.id(), "CONFIRMED", Instant.now());
        world.registrations.addSession(registration.id(), world.cafe.id(), "WAITLISTED", Instant.now());
    }

    byte[] get(String path) {
        HttpResponse<byte[]> response = client.toBlocking().exchange(HttpRequest.GET(path), byte[].class);
        assertEquals(HttpStatus.OK, response.getStatus(), path);
        return response.body();
    }

    @Test
    void the_programme_feed_of_a_published_programme_answers_and_parses() throws Exception {
        byte[] feed = get("/events/" + world.conference.slug() + "/programme.ics");
        List<String> uids = Ics.events(feed).stream().map(e -> e.getUid().orElseThrow().getValue()).toList();
        assertTrue(uids.contains(world.uid(world.opening)), uids.toString());
        for (VEvent e : Ics.events(feed)) {
            assertFalse(Ics.prop(e, "LAST-MODIFIED").isBlank(), "every entry has its last change");
        }
        if (Ics.pythonAvailable()) {
            Ics.python(feed);
        }
    }

    @Test
    void the_personal_feed_and_the_mail_attachment_hold_the_same_entries() {
        String token = tokens.renew(registration.id(), "test").https().replaceAll("^.*/calendar/", "/calendar/");
        byte[] feed = get(token);
        byte[] mail = agenda.ofRegistration(registration.id(), Locale.FRENCH).body();
        List<String> feedUids = Ics.events(feed).stream().map(e -> e.getUid().orElseThrow().getValue()).sorted().toList();
        List<String> mailUids = Ics.events(mail).stream().map(e -> e.getUid().orElseThrow().getValue()).sorted().toList();
        assertEquals(feedUids, mailUids);
        assertEquals(List.of(world.uid(world.conference), world.uid(world.cafe), world.uid(world.opening)).stream()
                .sorted().toList(), mailUids, "the edition once, each chosen session, the waited one too");

        VEvent opening = Ics.event(mail, world.uid(world.opening));
        assertEquals("CONFIRMED", Ics.prop(opening, "STATUS"));
        assertTrue(Ics.prop(opening, "LOCATION").startsWith("Grand Salon Iéna, "), "the room, then the venue");
        assertFalse(Ics.prop(opening, "SEQUENCE").isBlank());
        assertEquals("TENTATIVE", Ics.prop(Ics.event(mail, world.uid(world.cafe)), "STATUS"), "on the waiting list");
        String text = Ics.text(mail);
        assertFalse(text.contains("1891") || text.contains("DTSTART:18"), "the short VTIMEZONE, not the 1891 history");
        assertTrue(Ics.prop(Ics.event(mail, world.uid(world.conference)), "DTSTART").length() == 8,
                "a two-day edition is an all-day entry, not a 34-hour block");
    }
}
