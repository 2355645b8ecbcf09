package fr.cuf.rencontres.journey;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The participant's journeys of issue 14, in Chromium on the packaged jar with the demo data: a member officer
 * registering two colleagues, a non-member who pays, the waiting list, a members-only refusal, and the same on a
 * phone. Screenshots in target/journeys/participant-*.
 * <p>
 * The service runs at today's date, when the demo data has the next Rencontres open for registration; when it is
 * not open today (older demo data), the service is restarted on the day after registration opened, read from the
 * public API, so that no demo date is written here. {@code -Djourney.clock=…} forces another day.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ParticipantJourneyIT {

    private static final Pattern UID = Pattern.compile("(?m)^UID:(.+)\\r?$");

    private Mailbox mailbox;
    private PackagedService service;
    private String edition;
    private Map<String, String> organisations;

    @BeforeAll
    void start() {
        Journeys.assumeBrowser();
        mailbox = new Mailbox();
        // no rate limit: the waiting-list journey fills a session through the public API first
        service = PackagedService.start("participant", mailbox, System.getProperty("journey.clock"),
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
    void a_member_officer_registers_two_colleagues_and_one_of_them_manages_her_registration() throws Exception {
        try (Browser browser = new Browser("participant-group", service)) {
            browser.open("/");
            browser.screenshot("home");
            assertTrue(browser.find(".next-edition").getText().contains("S'inscrire"), "the button on the home page");
            browser.find(".next-edition .register-cta a").click();
            browser.waitFor(() -> browser.path().endsWith("/register"));

            String member = organisation(browser, "MEMBER");
            browser.type("Prénom", "Claire").type("Nom", "Martin").type("Adresse e-mail", "claire.martin@example.org");
            browser.choose("Vous venez en tant que", "Technicien·ne");
            browser.choose("Organisation", member);
            colleague(browser, 0, "Paul", "Durand", "paul.durand@example.org", "ELECTED_OFFICIAL");
            colleague(browser, 1, "Inès", "Benali", "ines.benali@example.org", "OFFICER");
            List<String> chosen = chooseOnePerBlock(browser);
            browser.check("J'accepte");
            browser.waitFor(() -> browser.findAll(".price-preview").stream()
                    .filter(p -> p.getText().contains("0,00 €")).count() == 3);
            String total = browser.waitFor(() -> browser.find(".price-total").isDisplayed()
                    ? browser.find(".price-total").getText() : null);
            assertTrue(total.contains("0,00 €"), total);
            assertTrue(browser.find(".price-preview").getText().contains("adhérente"), "what decides the price");
            browser.js("document.querySelector('.price-preview').scrollIntoView({block: 'start'})");
            browser.screenshot("member-price-before-confirming");
            browser.js("document.querySelector('.price-total').scrollIntoView({block: 'center'})");
            browser.screenshot("group-total-before-confirming");
            browser.clickAndWait("Confirmer l'inscription");
            browser.screenshot("confirmation");
            String confirmation = browser.text();
            assertTrue(confirmation.contains("Paul") && confirmation.contains("Inès"), confirmation);

            Map<String, Mailbox.Mail> mails = Map.of(
                    "claire.martin@example.org", mailbox.awaitMail("claire.martin@example.org"),
                    "paul.durand@example.org", mailbox.awaitMail("paul.durand@example.org"),
                    "ines.benali@example.org", mailbox.awaitMail("ines.benali@example.org"));
            Set<String> links = new TreeSet<>();
            mails.values().forEach(m -> {
                links.add(m.link("/me/"));
                assertTrue(new String(m.attachment(".ics"), StandardCharsets.UTF_8).contains("BEGIN:VEVENT"));
            });
            assertEquals(3, links.size(), "each person has a personal link of her own");

            String ines = mails.get("ines.benali@example.org").link("/me/");
            browser.open(ines);
            browser.screenshot("colleague-personal-page");
            assertTrue(browser.text().contains("Benali"));
            String changedTo = changeOneSession(browser);
            browser.clickAndWait("Enregistrer mes choix");
            browser.screenshot("sessions-changed");
            assertTrue(browser.find("#session-" + changedTo).isSelected(), "the page shows the new choice");
            Mailbox.Mail changed = mailbox.awaitMails("ines.benali@example.org", 2).get(1);
            String mailIcs = new String(changed.attachment(".ics"), StandardCharsets.UTF_8);
            assertTrue(uids(mailIcs).stream().anyMatch(u -> u.startsWith("session-" + changedTo + "@")),
                    "the mail carries the updated agenda: " + mailIcs);

            byte[] badge = browser.download(URI.create(ines).getPath() + "/badge.pdf");
            String qr = decodeQr(badge);
            assertFalse(qr.isBlank(), "the badge's QR code reads");

            browser.clickAndWait("Obtenir l'adresse de mon agenda");
            browser.screenshot("calendar-address");
            String feedUrl = browser.find("code.feed-url").getText();
            assertTrue(feedUrl.startsWith(service.baseUrl() + "/calendar/"), feedUrl);
            byte[] feed = browser.download(feedUrl);
            parses(feed);
            assertEquals(uids(mailIcs), uids(new String(feed, StandardCharsets.UTF_8)),
                    "the feed and the mail's .ics hold the same entries");
            assertTrue(chosen.size() >= 1);
        }
    }

    @Test
    void a_non_member_sees_the_price_then_how_to_pay_and_cannot_register_twice() {
        try (Browser browser = new Browser("participant-non-member", service)) {
            browser.open("/events/" + edition + "/register");
            String nonMember = organisation(browser, "NON_MEMBER");
            fillSelf(browser, "Hugo", "Lefort", "hugo.lefort@example", nonMember);
            browser.clickAndWait("Confirmer l'inscription");
            browser.screenshot("bad-email-refused");
            String emailError = browser.find("#email-error").getText();
            assertTrue(emailError.contains("Cette adresse e-mail n'est pas valide"), emailError);
            assertEquals("hugo.lefort@example", browser.field("Adresse e-mail").getAttribute("value"),
                    "the refused form comes back with what was typed");
            assertEquals("Hugo", browser.field("Prénom").getAttribute("value"));

            browser.open("/events/" + edition + "/register");
            fillSelf(browser, "Hugo", "Lefort", "hugo.lefort@example.org", nonMember);
            browser.waitFor(() -> browser.find(".price-preview").getText().contains("120,00 €"));
            browser.js("document.querySelector('.price-preview').scrollIntoView({block: 'center'})");
            browser.screenshot("non-member-price");
            browser.clickAndWait("Confirmer l'inscription");
            browser.screenshot("payment-instructions");
            String page = browser.text();
            assertTrue(page.contains("En attente de paiement") && page.contains("facture")
                    && page.contains("mandat administratif"), page);
            Mailbox.Mail mail = mailbox.awaitMail("hugo.lefort@example.org");
            assertTrue(mail.text().contains("mandat administratif"), mail.text());

            browser.open("/events/" + edition + "/register");
            fillSelf(browser, "Hugo", "Lefort", "hugo.lefort@example.org", nonMember);
            browser.clickAndWait("Confirmer l'inscription");
            browser.screenshot("already-registered");
            String refusal = browser.find("#form-errors").getText();
            assertTrue(refusal.contains("déjà inscrite") && refusal.contains("lien personnel"), refusal);
            assertEquals("Hugo", browser.field("Prénom").getAttribute("value"), "what was typed is kept");
        }
    }

    @Test
    void a_full_session_offers_the_waiting_list_and_a_cancellation_promotes_the_first_in_line() throws Exception {
        Map<String, Object> session = smallestSession();
        long id = ((Number) session.get("id")).longValue();
        long left = ((Number) session.get("seatsLeft")).longValue();
        String member = memberOrganisationId();
        List<String> holders = new ArrayList<>();
        for (int i = 0; i < left; i++) {
            holders.add(registerByApi("holder" + i + "@example.org", member, id));
        }
        try (Browser browser = new Browser("participant-waiting-list", service)) {
            browser.open("/events/" + edition + "/register");
            String memberName = organisation(browser, "MEMBER");
            fillSelf(browser, "Zoé", "Perrin", "zoe.perrin@example.org", memberName);
            WebElement full = browser.find("#session-" + id);
            String label = browser.find("label[for='session-" + id + "']").getText();
            assertTrue(label.contains("liste d'attente"), "the full session offers the waiting list: " + label);
            full.click();
            browser.screenshot("full-session");
            browser.clickAndWait("Confirmer l'inscription");
            browser.screenshot("waitlisted");
            assertTrue(browser.text().contains("liste d'attente"), browser.text());
            String zoe = mailbox.awaitMail("zoe.perrin@example.org").link("/me/");

            browser.open(holders.get(0));
            browser.clickAndWait("Oui, annuler mon inscription");
            browser.screenshot("holder-cancelled");

            Mailbox.Mail promoted = mailbox.awaitMails("zoe.perrin@example.org", 2).get(1);
            assertTrue(promoted.text().contains(String.valueOf(session.get("title")).substring(0, 10)), promoted.text());
            browser.open(zoe);
            browser.screenshot("promoted-personal-page");
            String page = browser.text();
            assertTrue(page.contains(session.get("title") + " — place réservée"), page);
            browser.clickAndWait("Obtenir l'adresse de mon agenda");
            String feed = new String(browser.download(browser.find("code.feed-url").getText()), StandardCharsets.UTF_8);
            String entry = feed.substring(feed.indexOf("UID:session-" + id + "@"));
            entry = entry.substring(0, entry.indexOf("END:VEVENT"));
            assertTrue(entry.contains("STATUS:CONFIRMED"), entry);
        }
    }

    @Test
    void a_non_member_trying_a_members_only_event_is_told_how_to_join() {
        String slug = membersOnlyEvent();
        try (Browser browser = new Browser("participant-members-only", service)) {
            browser.open("/events/" + slug + "/register");
            assertTrue(browser.find("#members-only").getText().contains("adhérents"), "the form says it first");
            String nonMember = organisation(browser, "NON_MEMBER");
            fillSelf(browser, "Léa", "Roux", "lea.roux@example.org", nonMember);
            browser.clickAndWait("Confirmer l'inscription");
            browser.screenshot("members-only-refusal");
            String refusal = browser.find("#form-errors").getText();
            assertTrue(refusal.contains("adhérent") && refusal.contains("adhesions@citesunies.fr"), refusal);
        }
    }

    @Test
    void on_a_phone_no_public_page_is_wider_than_the_screen() {
        try (Browser browser = new Browser("participant-phone", service, 390, 844)) {
            List<String> wide = new ArrayList<>();
            for (String path : List.of("/", "/events/" + edition, "/events/" + edition + "/register", "/groups")) {
                browser.open(path);
                browser.screenshot("phone" + path.replace('/', '-'));
                if (browser.contentWidth() > browser.viewportWidth()) {
                    wide.add(path + " is " + browser.contentWidth() + " px wide");
                }
            }
            assertEquals(List.of(), wide);
        }
    }

    // ---------- steps ----------

    private void fillSelf(Browser browser, String first, String last, String email, String organisation) {
        browser.type("Prénom", first).type("Nom", last).type("Adresse e-mail", email);
        browser.choose("Vous venez en tant que", "Technicien·ne");
        browser.choose("Organisation", organisation);
        browser.check("J'accepte");
    }

    private static void colleague(Browser browser, int row, String first, String last, String email, String type) {
        browser.find("#c" + row + "-first").sendKeys(first);
        browser.find("#c" + row + "-last").sendKeys(last);
        browser.find("#c" + row + "-email").sendKeys(email);
        new org.openqa.selenium.support.ui.Select(browser.find("#c" + row + "-type")).selectByValue(type);
    }

    /** The first session of each parallel block that still has seats; their titles. */
    private static List<String> chooseOnePerBlock(Browser browser) {
        List<String> titles = new ArrayList<>();
        for (WebElement block : browser.findAll("fieldset.block")) {
            for (WebElement radio : block.findElements(By.cssSelector("input[type=radio]"))) {
                WebElement label = block.findElement(By.cssSelector("label[for='" + radio.getAttribute("id") + "']"));
                if (!radio.getAttribute("value").isEmpty() && !label.getText().contains("complet")) {
                    radio.click();
                    titles.add(label.getText());
                    break;
                }
            }
        }
        return titles;
    }

    /** On the personal page, picks another session in the first block that offers one; its id. */
    private static String changeOneSession(Browser browser) {
        for (WebElement block : browser.findAll("fieldset.block")) {
            List<WebElement> radios = block.findElements(By.cssSelector("input[type=radio]"));
            if (radios.size() < 3) {
                continue;
            }
            for (WebElement radio : radios) {
                WebElement label = block.findElement(By.cssSelector("label[for='" + radio.getAttribute("id") + "']"));
                if (!radio.isSelected() && !radio.getAttribute("value").isEmpty() && !label.getText().contains("complet")) {
                    radio.click();
                    return radio.getAttribute("value");
                }
            }
        }
        throw new AssertionError("no block with another session to choose");
    }

    /**
     * An organisation of the form's list whose price at the edition reads {@code rule} (MEMBER, NON_MEMBER), by its
     * label; asked of the edition, which has prices, whatever the form on screen.
     */
    private String organisation(Browser browser, String rule) {
        String reason = rule.equals("MEMBER") ? "(collectivité adhérente" : "(organisation non adhérente";
        Object found = browser.driver().executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                const url = '/events/' + arguments[1] + '/register/price';
                const options = Array.from(document.querySelectorAll('#organisationId option')).filter(o => o.value);
                (async () => {
                  for (const o of options) {
                    const r = await fetch(url + '?participantType=OFFICER&organisationId=' + o.value);
                    const p = await r.json();
                    if ((p.text || '').includes(arguments[0])) { return done(o.text); }
                  }
                  done(null);
                })();""", reason, edition);
        assertTrue(found != null, "an organisation whose price reads " + reason);
        return (String) found;
    }

    private String memberOrganisationId() {
        try (Browser browser = new Browser("participant-setup", service)) {
            browser.open("/events/" + edition + "/register");
            String name = organisation(browser, "MEMBER");
            return browser.find("#organisationId").findElements(By.tagName("option")).stream()
                    .filter(o -> o.getText().equals(name)).findFirst().orElseThrow().getAttribute("value");
        }
    }

    /** The next conference edition, its registration open on the service's day (restarted on another day if not). */
    private String openEdition() {
        String list = get("/api/v1/events");
        Matcher m = Pattern.compile("\"slug\":\"([^\"]+)\",\"title\":\"[^\"]*\",\"kind\":\"CONFERENCE_EDITION\"").matcher(list);
        String slug;
        if (m.find()) {
            slug = m.group(1);
        } else {
            throw new AssertionError("no upcoming conference edition in the demo data: " + list);
        }
        String event = get("/api/v1/events/" + slug);
        Matcher opens = Pattern.compile("\"registrationOpens\":\"([^\"]+)\"").matcher(event);
        if (opens.find() && !get("/events/" + slug).contains("/events/" + slug + "/register\"")) {
            // not open today: the day after it opened, at 10:00 Paris time
            OffsetDateTime day = OffsetDateTime.parse(opens.group(1)).atZoneSameInstant(ZoneId.of("Europe/Paris"))
                    .plusDays(1).withHour(10).withMinute(0).toOffsetDateTime();
            service.restartAt(day.toString());
        }
        return slug;
    }

    private String membersOnlyEvent() {
        String list = get("/api/v1/events?membersOnly=true");
        Matcher m = Pattern.compile("\"slug\":\"([^\"]+)\"").matcher(list);
        while (m.find()) {
            if (get("/events/" + m.group(1)).contains("/events/" + m.group(1) + "/register\"")) {
                return m.group(1);
            }
        }
        throw new AssertionError("no members-only event open for registration: " + list);
    }

    /** The session of the edition with the fewest seats left (but some), from the public API. */
    @SuppressWarnings("unchecked")
    private Map<String, Object> smallestSession() {
        Map<String, Object> event;
        try {
            event = io.micronaut.serde.ObjectMapper.getDefault().readValue(get("/api/v1/events/" + edition), Map.class);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return ((List<Map<String, Object>>) event.get("sessions")).stream()
                .filter(s -> s.get("seatsLeft") instanceof Number n && n.longValue() > 0 && n.longValue() <= 200
                        && s.get("parallelBlock") != null && !Boolean.TRUE.equals(s.get("membersOnly")))
                .min(java.util.Comparator.comparingLong(s -> ((Number) s.get("seatsLeft")).longValue()))
                .orElseThrow(() -> new AssertionError("no session with a few seats left"));
    }

    private String registerByApi(String email, String organisationId, long sessionId) throws IOException, InterruptedException {
        String body = "{\"firstName\":\"Holder\",\"lastName\":\"" + email.substring(0, email.indexOf('@'))
                + "\",\"email\":\"" + email + "\",\"organisationId\":" + organisationId
                + ",\"participantType\":\"OFFICER\",\"consent\":true,\"sessionIds\":[" + sessionId + "]}";
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(service.url("/api/v1/events/" + edition + "/registrations")))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(201, response.statusCode(), response.body());
        Matcher link = Pattern.compile("\"personalLink\":\"([^\"]+)\"").matcher(response.body());
        assertTrue(link.find(), response.body());
        return link.group(1);
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

    private static Set<String> uids(String ics) {
        Set<String> uids = new TreeSet<>();
        Matcher m = UID.matcher(ics);
        while (m.find()) {
            uids.add(m.group(1).trim());
        }
        return uids;
    }

    /** ical4j, and python3-icalendar when installed: an independent parser. */
    private static void parses(byte[] ics) throws Exception {
        List<VEvent> events = new CalendarBuilder().build(new ByteArrayInputStream(ics)).getComponents("VEVENT");
        assertFalse(events.isEmpty());
        Path python = Path.of("/usr/bin/python3");
        if (Files.isExecutable(python)) {
            Path file = Files.createTempFile("agenda", ".ics");
            try {
                Files.write(file, ics);
                Process p = new ProcessBuilder(python.toString(), "-c",
                        "import icalendar,sys; c=icalendar.Calendar.from_ical(open(sys.argv[1],'rb').read());"
                                + " print(len(c.walk('VEVENT')))", file.toString()).redirectErrorStream(true).start();
                String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                assertTrue(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0, "python3-icalendar: " + out);
                assertNotEquals("0", out.strip());
            } finally {
                Files.deleteIfExists(file);
            }
        }
    }

    /** The badge PDF's QR code, as zbarimg reads it from the page rendered by pdftoppm. */
    private static String decodeQr(byte[] pdf) throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("badge");
        Files.write(dir.resolve("badge.pdf"), pdf);
        Process render = new ProcessBuilder("pdftoppm", "-r", "200", "-png", "badge.pdf", "page").directory(dir.toFile())
                .redirectErrorStream(true).start();
        render.getInputStream().readAllBytes();
        assertTrue(render.waitFor(60, TimeUnit.SECONDS) && render.exitValue() == 0, "pdftoppm");
        Path page;
        try (var files = Files.list(dir)) {
            page = files.filter(f -> f.getFileName().toString().endsWith(".png")).sorted().findFirst().orElseThrow();
        }
        Process scan = new ProcessBuilder("zbarimg", "--quiet", "--raw", page.toString()).redirectErrorStream(true).start();
        String out = new String(scan.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertTrue(scan.waitFor(60, TimeUnit.SECONDS) && scan.exitValue() == 0, "zbarimg: " + out);
        return out;
    }
}
