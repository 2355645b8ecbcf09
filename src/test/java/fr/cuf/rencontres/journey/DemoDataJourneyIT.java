package fr.cuf.rencontres.journey;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The demo data as a newcomer meets it on the packaged jar at today's date: the next edition ahead with its
 * registration open and its programme feed; the archive, linked from the home page, with the previous edition;
 * that edition's attendance for staff. Screenshots in target/journeys/demo-data/.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DemoDataJourneyIT {

    private static final Pattern EDITION = Pattern.compile("\"slug\":\"(rencontres-aict-[0-9]{4})\"");

    private PackagedService service;

    @BeforeAll
    void start() {
        Journeys.assumeBrowser();
        service = PackagedService.start("demo-data", null);
    }

    @AfterAll
    void stop() {
        if (service != null) {
            service.close();
        }
    }

    @Test
    void today_the_next_edition_is_open_and_the_archive_shows_the_previous_one_with_its_attendance() {
        try (Browser browser = new Browser("demo-data", service)) {
            Matcher upcoming = EDITION.matcher(new String(browser.download("/api/v1/events"), StandardCharsets.UTF_8));
            assertTrue(upcoming.find(), "an edition ahead");
            String next = upcoming.group(1);
            assertFalse(upcoming.find(), "one edition ahead");
            Matcher past = EDITION.matcher(new String(browser.download("/api/v1/events?when=past"), StandardCharsets.UTF_8));
            assertTrue(past.find(), "an edition in the past");
            String previous = past.group(1);

            browser.open("/events/" + next);
            browser.screenshot("next-edition");
            String edition = browser.text();
            assertTrue(edition.contains("17es Rencontres") && edition.contains("Ouverture officielle"), edition);
            assertTrue(edition.contains("S'inscrire"), "registration is open today:\n" + edition);
            String feed = new String(browser.download("/events/" + next + "/programme.ics"), StandardCharsets.UTF_8);
            assertTrue(feed.startsWith("BEGIN:VCALENDAR") && feed.contains("Ouverture officielle"), feed);

            browser.open("/");
            browser.screenshot("home");
            browser.clickAndWait("Éditions précédentes et réunions passées");
            browser.screenshot("archives");
            assertEquals("/archives", browser.path());
            String archives = browser.text();
            assertTrue(archives.contains("16es Rencontres"), archives);
            assertFalse(archives.contains("17es Rencontres"), "the next edition is not in the archive");
            browser.clickAndWait("16es Rencontres");
            browser.screenshot("previous-edition");
            assertEquals("/events/" + previous, browser.path());

            browser.viewport(390, 844).open("/archives");
            browser.screenshot("archives-390");
            assertTrue(browser.contentWidth() <= browser.viewportWidth(), "the archive fits a 390 px screen");
            browser.viewport(1280, 900);

            browser.open("/login");
            browser.screenshot("login-demo-accounts");
            String login = browser.find("aside.demo-accounts").getText();
            assertTrue(login.contains("admin") && login.contains("scanner")
                    && login.contains(fr.cuf.rencontres.demo.DemoDataLoader.DEMO_PASSWORD),
                    "the demo's sign-in page names the demo accounts and their password: " + login);

            browser.signIn("admin").open("/staff/events/" + previous + "/attendance");
            browser.screenshot("previous-attendance");
            String sheet = browser.find("a[href*='sheet.csv?list=entrance']").getAttribute("href");
            long present = new String(browser.download(sheet), StandardCharsets.UTF_8).lines()
                    .filter(l -> l.contains(";oui;")).count();
            assertTrue(present >= 150, "the previous edition's entrance sheet lists who came: " + present);
        }
    }
}
