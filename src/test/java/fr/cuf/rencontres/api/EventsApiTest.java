package fr.cuf.rencontres.api;

import fr.cuf.rencontres.http.ApiError;
import fr.cuf.rencontres.support.DatabaseTest;
import fr.cuf.rencontres.support.TestDatabase;
import io.micronaut.context.annotation.Property;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DatabaseTest
@Property(name = "rencontres.clock.fixed", value = "2026-05-01T10:00:00+02:00")
@Property(name = "rencontres.public-url", value = "https://rencontres.example.org/")
class EventsApiTest {

    @Inject @Client("/") HttpClient client;
    @Inject DataSource dataSource;
    @Inject ApiData data;

    @BeforeEach
    void load() {
        TestDatabase.clean(dataSource);
        data.load();
    }

    private List<EventJson> events(String query) {
        return client.toBlocking().retrieve(HttpRequest.GET("/api/v1/events" + query), Argument.listOf(EventJson.class));
    }

    private HttpClientResponseException refused(HttpRequest<?> request) {
        return assertThrows(HttpClientResponseException.class, () -> client.toBlocking().exchange(request, String.class));
    }

    @Test
    void lists_upcoming_public_events_soonest_first_with_paris_times() {
        List<EventJson> events = events("");
        assertEquals(List.of("groupe-maroc-2026-05-18", "rencontres-2026"), events.stream().map(EventJson::slug).toList());
        EventJson conference = events.get(1);
        assertEquals(OffsetDateTime.parse("2026-07-08T09:00+02:00"), conference.start());
        assertEquals("Salons de l'Hôtel des Arts et Métiers", conference.venue().name());
        assertEquals("9 bis avenue d'Iéna", conference.venue().address());
        assertEquals("Paris", conference.venue().city());
        assertNull(conference.group());
        assertEquals("https://rencontres.example.org/events/rencontres-2026", conference.url());
        EventJson meeting = events.get(0);
        assertEquals("groupe-pays-maroc", meeting.group().slug());
        assertTrue(meeting.membersOnly());
        assertEquals("ONLINE", meeting.format().name());
        assertEquals("PUBLISHED", meeting.status().name());
    }

    @Test
    void times_are_iso_8601_strings_with_the_paris_offset() {
        String json = client.toBlocking().retrieve("/api/v1/events/rencontres-2026");
        assertTrue(json.contains("\"start\":\"2026-07-08T09:00:00+02:00\""), json);
        assertTrue(json.contains("\"end\":\"2026-07-09T18:30:00+02:00\""), json);
    }

    @Test
    void the_online_link_is_never_exposed() {
        String list = client.toBlocking().retrieve("/api/v1/events");
        String one = client.toBlocking().retrieve("/api/v1/events/groupe-maroc-2026-05-18");
        for (String json : List.of(list, one)) {
            assertFalse(json.contains("visio.example.org"), json);
            assertFalse(json.contains("onlineLink"), json);
        }
    }

    @Test
    void filters_are_those_of_the_home_page() {
        assertEquals(List.of("groupe-maroc-2026-05-18"), slugs("?format=ONLINE"));
        assertEquals(List.of("groupe-maroc-2026-05-18"), slugs("?group=groupe-pays-maroc"));
        assertEquals(List.of("groupe-maroc-2026-05-18"), slugs("?pole=MEDITERRANEE"));
        assertEquals(List.of(), slugs("?pole=ASIE"));
        assertEquals(List.of("rencontres-2026"), slugs("?membersOnly=false"));
        assertEquals(List.of("groupe-maroc-2026-05-18"), slugs("?membersOnly=true&format=ONLINE"));
    }

    private List<String> slugs(String query) {
        return events(query).stream().map(EventJson::slug).toList();
    }

    @Test
    void drafts_are_neither_listed_nor_shown() {
        data.draft("brouillon-maroc");
        assertFalse(slugs("").contains("brouillon-maroc"));
        HttpClientResponseException e = refused(HttpRequest.GET("/api/v1/events/brouillon-maroc"));
        assertEquals(HttpStatus.NOT_FOUND, e.getStatus());
        assertEquals("event_not_found", e.getResponse().getBody(ApiError.class).orElseThrow().code());
    }

    @Test
    void one_event_comes_with_its_sessions_rooms_chairs_and_speakers() {
        EventDetailJson event = client.toBlocking().retrieve(HttpRequest.GET("/api/v1/events/rencontres-2026"),
                EventDetailJson.class);
        assertEquals("17es Rencontres de l'AICT", event.title());
        assertEquals("CONFERENCE_EDITION", event.kind().name());
        assertEquals(OffsetDateTime.parse("2026-04-15T09:00+02:00"), event.registrationOpens());
        assertEquals(List.of("Ouverture officielle", "Point Maroc"), event.sessions().stream().map(SessionJson::title).toList());
        SessionJson opening = event.sessions().get(0);
        assertEquals("PLENARY", opening.kind().name());
        assertEquals(OffsetDateTime.parse("2026-07-08T10:30+02:00"), opening.end());
        assertEquals(new RoomJson("Grand Salon Iéna", 450), opening.room());
        assertEquals(new PersonJson("François Bonneau", "Président de la Région Centre-Val de Loire"), opening.chair());
        assertEquals(List.of(new PersonJson("Awa Diallo", "Adjointe au maire déléguée aux relations internationales")),
                opening.speakers());
        assertEquals(List.of("fr"), opening.languages());
        assertFalse(opening.membersOnly());
        assertEquals(List.of(new GroupRefJson("groupe-pays-maroc", "Groupe-pays Maroc")), event.sessions().get(1).groups());
    }

    @Test
    void each_session_gives_what_a_partner_site_needs_to_build_session_ids() {
        EventDetailJson event = client.toBlocking().retrieve(HttpRequest.GET("/api/v1/events/rencontres-2026"),
                EventDetailJson.class);
        SessionJson opening = event.sessions().get(0);
        SessionJson maroc = event.sessions().get(1);
        assertTrue(opening.id() > 0 && maroc.id() > 0 && opening.id() != maroc.id());
        assertEquals(450L, opening.seatsLeft(), "the room's capacity, nobody registered yet");
        assertEquals(0, opening.parallelBlock());
        assertEquals(1, maroc.parallelBlock(), "a later slot is another block");
    }

    @Test
    void an_unknown_event_is_a_json_404_in_french_by_default() {
        HttpClientResponseException e = refused(HttpRequest.GET("/api/v1/events/nope"));
        assertEquals(HttpStatus.NOT_FOUND, e.getStatus());
        ApiError error = e.getResponse().getBody(ApiError.class).orElseThrow();
        assertEquals("event_not_found", error.code());
        assertEquals("Événement introuvable.", error.message());
        assertEquals(1, error.errors().size());
    }

    @Test
    void every_error_key_is_present_even_without_a_field() {
        HttpClientResponseException e = refused(HttpRequest.GET("/api/v1/events/nope"));
        String body = e.getResponse().getBody(String.class).orElseThrow();
        assertTrue(body.startsWith("{\"code\":\"event_not_found\",\"message\":"), body);
        assertTrue(body.contains("\"field\":null"), body);
        assertTrue(body.contains("\"errors\":[{"), body);
    }

    @Test
    void error_messages_follow_accept_language() {
        HttpClientResponseException e = refused(HttpRequest.GET("/api/v1/events/nope").header("Accept-Language", "en-GB,en;q=0.8"));
        assertEquals("Event not found.", e.getResponse().getBody(ApiError.class).orElseThrow().message());
    }

    @Test
    void a_bad_filter_value_is_a_400_naming_the_field_in_both_languages() {
        HttpClientResponseException fr = refused(HttpRequest.GET("/api/v1/events?format=SOMETIMES"));
        assertEquals(HttpStatus.BAD_REQUEST, fr.getStatus());
        ApiError error = fr.getResponse().getBody(ApiError.class).orElseThrow();
        assertEquals("invalid_value", error.code());
        assertEquals("format", error.field());
        assertEquals("Cette valeur n'est pas valide.", error.message());
        assertEquals("format", error.errors().get(0).field());

        HttpClientResponseException en = refused(HttpRequest.GET("/api/v1/events?pole=ANTARCTICA").header("Accept-Language", "en"));
        ApiError english = en.getResponse().getBody(ApiError.class).orElseThrow();
        assertEquals("pole", english.field());
        assertEquals("This value is not valid.", english.message());
    }

    @Test
    void when_past_lists_the_events_over_most_recent_first_and_all_lists_every_one_oldest_first() {
        data.meeting("groupe-maroc-2026-02-10", LocalDateTime.parse("2026-02-10T10:00"));
        data.meeting("groupe-maroc-2026-03-30", LocalDateTime.parse("2026-03-30T16:00"));
        assertEquals(List.of("groupe-maroc-2026-03-30", "groupe-maroc-2026-02-10"), slugs("?when=past"));
        assertEquals(List.of("groupe-maroc-2026-05-18", "rencontres-2026"), slugs(""), "upcoming by default");
        assertEquals(slugs(""), slugs("?when=upcoming"));
        assertEquals(List.of("groupe-maroc-2026-02-10", "groupe-maroc-2026-03-30", "groupe-maroc-2026-05-18",
                "rencontres-2026"), slugs("?when=all"));
        assertEquals(List.of("groupe-maroc-2026-03-30", "groupe-maroc-2026-02-10"), slugs("?when=past&group=groupe-pays-maroc"));
        assertEquals(List.of(), slugs("?when=past&membersOnly=false"), "filters apply to the archive too");
    }

    @Test
    void an_unknown_when_is_a_400_invalid_value_on_when() {
        HttpClientResponseException e = refused(HttpRequest.GET("/api/v1/events?when=yesterday"));
        assertEquals(HttpStatus.BAD_REQUEST, e.getStatus());
        ApiError error = e.getResponse().getBody(ApiError.class).orElseThrow();
        assertEquals("invalid_value", error.code());
        assertEquals("when", error.field());
    }

    @Test
    void the_openapi_document_describes_when_and_its_three_values() {
        String yaml = client.toBlocking().retrieve(HttpRequest.GET("/openapi/rencontres-0.1.0.yml"), String.class);
        String listEvents = yaml.substring(yaml.indexOf("operationId: listEvents"));
        listEvents = listEvents.substring(0, listEvents.indexOf("operationId:", 10));
        assertTrue(listEvents.contains("name: when"), listEvents);
        assertTrue(listEvents.contains("- upcoming") && listEvents.contains("- past") && listEvents.contains("- all"), listEvents);
    }

    @Test
    void an_unknown_api_path_is_a_json_404() {
        HttpClientResponseException e = refused(HttpRequest.GET("/api/v1/nothing-here"));
        assertEquals(HttpStatus.NOT_FOUND, e.getStatus());
        assertEquals("page_not_found", e.getResponse().getBody(ApiError.class).orElseThrow().code());
    }
}
