package fr.cuf.rencontres.journey;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 18 item 7 as a registrant meets it, in Chromium on the packaged jar: a name pasted with an invisible control
 * character comes back beside its field with everything typed kept; a name carrying a right-to-left override is
 * registered without it. Screenshots in target/journeys/hostile-input/.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileInputJourneyIT {

    private Mailbox mailbox;
    private PackagedService service;
    private String edition;

    @BeforeAll
    void start() {
        Journeys.assumeBrowser();
        mailbox = new Mailbox();
        service = PackagedService.start("hostile-input", mailbox, System.getProperty("journey.clock"),
                Map.of("RENCONTRES_REGISTRATION_RATE_LIMIT_PER_MINUTE", "0"));
        edition = openEdition();
    }

    @AfterAll
    void stop() {
        if (service != null) {
            service.close();
        }
        if (mailbox != null) {
            mailbox.close();
        }
    }

    @Test
    void a_control_character_is_shown_beside_its_field_and_a_bidi_override_is_dropped_from_the_name() {
        try (Browser browser = new Browser("hostile-input", service)) {
            browser.open("/events/" + edition + "/register");
            browser.type("Prénom", "Awa").type("Nom", "Diallo").type("Adresse e-mail", "awa.hostile@example.org");
            browser.choose("Vous venez en tant que", "Technicien·ne");
            String organisation = browser.find("#organisationId option:nth-child(2)").getText();
            browser.choose("Organisation", organisation);
            browser.check("J'accepte");
            // what a paste from a PDF or a broken tool can carry: an invisible BEL character
            browser.js("document.getElementById('firstName').value = 'Awa\\u0007';");
            browser.clickAndWait("Confirmer l'inscription");
            browser.screenshot("control-character-in-the-summary");
            browser.js("document.getElementById('firstName').scrollIntoView({block: 'center'})");
            browser.screenshot("control-character-beside-the-field");
            String page = browser.text();
            assertTrue(page.contains("caractère de contrôle"), page);
            assertEquals("Diallo", browser.find("#lastName").getAttribute("value"), "what was typed is kept");
            assertEquals("awa.hostile@example.org", browser.find("#email").getAttribute("value"));
            assertTrue(browser.find("a[href='#firstName']").isDisplayed(), "the summary leads to the field");

            browser.js("document.getElementById('firstName').value = 'Awa\\u202E';");
            browser.check("J'accepte");
            browser.clickAndWait("Confirmer l'inscription");
            browser.screenshot("registered-without-the-override");
            String confirmation = browser.text();
            assertFalse(confirmation.contains("caractère de contrôle"), confirmation);
            String greeting = mailbox.awaitMail("awa.hostile@example.org").text();
            assertTrue(greeting.contains("Awa Diallo") && !greeting.contains("\u202E"), greeting);
            // the refused form answers 422 on purpose; nothing else may reach the console
            java.util.List<String> console = browser.consoleErrors();
            assertTrue(console.stream().allMatch(e -> e.contains("422")), console.toString());
        }
    }

    private String openEdition() {
        String list = get("/api/v1/events");
        Matcher m = Pattern.compile("\"slug\":\"([^\"]+)\",\"title\":\"[^\"]*\",\"kind\":\"CONFERENCE_EDITION\"").matcher(list);
        assertTrue(m.find(), "an upcoming conference edition in the demo data: " + list);
        String slug = m.group(1);
        Matcher opens = Pattern.compile("\"registrationOpens\":\"([^\"]+)\"").matcher(get("/api/v1/events/" + slug));
        if (opens.find() && !get("/events/" + slug).contains("/events/" + slug + "/register\"")) {
            OffsetDateTime day = OffsetDateTime.parse(opens.group(1)).atZoneSameInstant(ZoneId.of("Europe/Paris"))
                    .plusDays(1).withHour(10).withMinute(0).toOffsetDateTime();
            service.restartAt(day.toString());
        }
        return slug;
    }

    private String get(String path) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(service.url(path)))
                    .header("Accept-Language", "fr").build(), HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
