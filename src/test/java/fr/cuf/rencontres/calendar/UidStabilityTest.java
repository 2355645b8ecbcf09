package fr.cuf.rencontres.calendar;

import fr.cuf.rencontres.member.Person;
import fr.cuf.rencontres.registration.RegistrationStatus;
import fr.cuf.rencontres.support.DatabaseTest;
import fr.cuf.rencontres.support.TestDatabase;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A second application context on the same database stands for a restart, or another instance. */
@DatabaseTest
@Property(name = "rencontres.clock.fixed", value = "2026-05-01T10:00:00+02:00")
// every test rebuilds its data under the same slugs: no fingerprint may be trusted from one to the next
@Property(name = "rencontres.calendar.fingerprint-max-age", value = "PT0S")
class UidStabilityTest {

    static final String CLOCK = "2026-05-01T10:00:00+02:00";

    @Inject EmbeddedServer server;
    @Inject DataSource dataSource;
    @Inject CalendarWorld world;
    @Inject AgendaTokens tokens;

    @BeforeEach
    void data() {
        TestDatabase.clean(dataSource);
        world.build();
    }

    @Test
    void uids_and_bytes_are_the_same_after_a_restart_and_on_another_instance() throws Exception {
        Person elue = world.fixtures.person("Léonore", "Moncond'huy", "Maire de Poitiers", null);
        var registration = world.register(elue, world.japonMeeting, RegistrationStatus.CONFIRMED);
        String personal = URI.create(tokens.issue(registration.id(), "test").https()).getPath();
        List<String> paths = List.of("/events/rencontres-2026/programme.ics", "/groups/groupe-pays-maroc/meetings.ics",
                "/calendar.ics", personal);
        List<byte[]> first = paths.stream().map(p -> fetch(server.getURL(), p)).toList();

        try (ApplicationContext other = ApplicationContext.run(
                Map.of("rencontres.clock.fixed", CLOCK, "micronaut.server.port", -1), "test")) {
            EmbeddedServer otherServer = other.getBean(EmbeddedServer.class).start();
            for (int i = 0; i < paths.size(); i++) {
                byte[] again = fetch(otherServer.getURL(), paths.get(i));
                assertArrayEquals(first.get(i), again, paths.get(i));
            }
        }
        List<String> uids = Ics.events(first.get(0)).stream().map(e -> e.getUid().orElseThrow().getValue()).sorted().toList();
        assertEquals(List.of(world.uid(world.opening), world.uid(world.briefing), world.uid(world.cafe)).stream().sorted().toList(), uids);
        assertTrue(Ics.text(first.get(3)).contains("UID:" + world.uid(world.japonMeeting)));
    }

    private static byte[] fetch(URL base, String path) {
        try {
            HttpResponse<byte[]> response = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(base.toURI().resolve(path)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(200, response.statusCode(), path);
            return response.body();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
