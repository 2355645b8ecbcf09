package fr.cuf.rencontres.web;

import fr.cuf.rencontres.event.Event;
import fr.cuf.rencontres.event.EventStatus;
import fr.cuf.rencontres.event.Room;
import fr.cuf.rencontres.event.Venue;
import fr.cuf.rencontres.group.Group;
import fr.cuf.rencontres.group.Pole;
import fr.cuf.rencontres.member.Person;
import fr.cuf.rencontres.schedule.SessionKind;
import fr.cuf.rencontres.staff.Role;
import fr.cuf.rencontres.support.Fixtures;
import fr.cuf.rencontres.support.TestDatabase;
import io.micronaut.context.annotation.Property;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Real-browser smoke test: headless Debian chromium loads the public pages and the back office, and
 * axe-core (vendored under src/test/resources/axe) finds no serious or critical accessibility violation.
 * Skipped visibly, with the reason, when chromium or its driver is not installed.
 */
@MicronautTest(transactional = false)
@Property(name = "rencontres.clock.fixed", value = "2026-05-01T10:00:00+02:00")
@Property(name = "micronaut.http.client.follow-redirects", value = "false")
class AccessibilityBrowserTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Set<String> BLOCKING = Set.of("serious", "critical");

    private static WebDriver browser;
    private static String axe;

    @Inject EmbeddedServer server;
    @Inject Fixtures fixtures;
    @Inject DataSource dataSource;
    @Inject JsonMapper json;
    @Inject @Client("/") HttpClient http;

    @BeforeAll
    static void startBrowser() throws IOException {
        String missing = !Files.isExecutable(CHROMIUM) ? CHROMIUM.toString()
                : !Files.isExecutable(CHROMEDRIVER) ? CHROMEDRIVER.toString() : null;
        if (missing != null) {
            System.err.println("\n*** AccessibilityBrowserTest SKIPPED: " + missing + " is missing. "
                    + "Install it with: apt-get install -y chromium chromium-driver ***\n");
        }
        assumeTrue(missing == null, "SKIPPED: " + missing
                + " is missing (apt-get install -y chromium chromium-driver); the browser smoke test did not run");
        // The driver is given by path, so Selenium Manager never runs and nothing is downloaded.
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--no-first-run",
                "--window-size=1280,900", "--lang=fr-FR");
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        try (InputStream in = AccessibilityBrowserTest.class.getResourceAsStream("/axe/axe.min.js")) {
            axe = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @BeforeEach
    void data() {
        TestDatabase.clean(dataSource);
        var dijon = fixtures.dijon();
        Person chair = fixtures.person("François", "Bonneau", "Président de la Région Centre-Val de Loire", dijon);
        Group maroc = fixtures.countryGroup("Groupe-pays Maroc", Pole.MEDITERRANEE, chair);
        Venue venue = fixtures.artsEtMetiers();
        Room iena = fixtures.room(venue, "Grand Salon Iéna", 450);
        Room eiffel = fixtures.room(venue, "Salon Eiffel", 150);
        Event conference = fixtures.conference(venue, EventStatus.PUBLISHED);
        fixtures.session(conference, "Ouverture officielle", SessionKind.PLENARY,
                LocalDateTime.parse("2026-07-08T09:00"), 90, iena, chair);
        fixtures.session(conference, "Point Maroc", SessionKind.COUNTRY_BRIEFING,
                LocalDateTime.parse("2026-07-08T14:30"), 90, eiffel, chair);
        fixtures.onlineMeeting(maroc, "groupe-maroc-2026-05-18", LocalDateTime.parse("2026-05-18T16:00"), true);
        fixtures.staff("programme1", Role.PROGRAMME);
    }

    private void open(String path) {
        browser.manage().deleteAllCookies();
        browser.get(server.getURL() + path);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/events/rencontres-2026", "/events/groupe-maroc-2026-05-18", "/groups",
            "/groups/groupe-pays-maroc", "/login", "/no/such/page", "/?format=HYBRID"})
    void public_page_has_no_serious_accessibility_violation(String path) {
        open(path);
        assertStyled();
        assertNoBlockingViolation(path);
    }

    @Test
    void english_event_page_has_no_serious_accessibility_violation() {
        open("/lang/en?back=/events/rencontres-2026");
        assertEquals("en", browser.findElement(By.tagName("html")).getAttribute("lang"));
        assertNoBlockingViolation("/events/rencontres-2026 (English)");
    }

    @Test
    void back_office_home_has_no_serious_accessibility_violation() {
        // Signs in through the real form: the browser sends the body after the headers (see CsrfProtectionTest).
        open("/login");
        browser.findElement(By.id("username")).sendKeys("programme1");
        browser.findElement(By.id("password")).sendKeys(Fixtures.PASSWORD);
        browser.findElement(By.cssSelector("form.form button[type=submit]")).click();
        new org.openqa.selenium.support.ui.WebDriverWait(browser, java.time.Duration.ofSeconds(15))
                .until(org.openqa.selenium.support.ui.ExpectedConditions.urlMatches(".*/staff$"));
        assertTrue(browser.findElement(By.cssSelector(".staff-nav")).isDisplayed());
        assertNoBlockingViolation("/staff");
    }


    @Test
    void the_skip_link_appears_when_focused_from_the_keyboard() {
        open("/");
        WebElement skip = browser.findElement(By.cssSelector("a.skip"));
        assertTrue(skip.getRect().getY() < 0, "hidden until focused");
        browser.findElement(By.tagName("body")).sendKeys(Keys.TAB);
        assertEquals(skip, browser.switchTo().activeElement());
        assertTrue(skip.getRect().getY() >= 0, "visible once focused");
        String outline = (String) ((JavascriptExecutor) browser).executeScript(
                "return getComputedStyle(arguments[0]).outlineStyle;", skip);
        assertEquals("solid", outline, "a visible focus ring");
    }

    @Test
    void the_checker_does_report_a_serious_violation() {
        open("/");
        ((JavascriptExecutor) browser).executeScript(
                "document.querySelector('main').insertAdjacentHTML('beforeend', '<img src=/x.png>');");
        AssertionError failure = org.junit.jupiter.api.Assertions.assertThrows(AssertionError.class,
                () -> assertNoBlockingViolation("/ with an image without text"));
        assertTrue(failure.getMessage().contains("image-alt"), failure.getMessage());
    }

    /** The stylesheet is served and applied (axe's contrast check depends on it). */
    private void assertStyled() {
        String header = (String) ((JavascriptExecutor) browser).executeScript(
                "return getComputedStyle(document.querySelector('.site-header')).backgroundColor;");
        assertEquals("rgb(22, 62, 108)", header, "site.css is loaded");
    }

    private void assertNoBlockingViolation(String page) {
        JavascriptExecutor js = (JavascriptExecutor) browser;
        js.executeScript(axe);
        Object result = js.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, {resultTypes: ['violations']})
                  .then(r => done(JSON.stringify(r.violations.map(v => ({
                      id: v.id, impact: v.impact, help: v.help,
                      nodes: v.nodes.map(n => n.target.join(' ') + ' :: ' + (n.failureSummary || ''))})))))
                  .catch(e => done(JSON.stringify([{id: 'axe-error', impact: 'critical', help: String(e), nodes: []}])));
                """);
        List<Map<String, Object>> violations;
        try {
            violations = json.readValue((String) result, Argument.listOf(Argument.mapOf(String.class, Object.class)));
        } catch (IOException e) {
            throw new AssertionError("unreadable axe result: " + result, e);
        }
        violations.forEach(v -> System.out.println("axe " + page + ": " + v.get("impact") + " " + v.get("id")
                + " — " + v.get("help")));
        List<Map<String, Object>> blocking = violations.stream()
                .filter(v -> BLOCKING.contains(String.valueOf(v.get("impact")))).toList();
        assertTrue(blocking.isEmpty(), () -> "serious or critical accessibility violations on " + page + ":\n"
                + blocking.stream().map(v -> v.get("impact") + " " + v.get("id") + " — " + v.get("help") + "\n    "
                        + String.join("\n    ", (List<String>) v.get("nodes"))).collect(Collectors.joining("\n")));
    }
}
