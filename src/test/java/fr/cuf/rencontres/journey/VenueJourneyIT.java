package fr.cuf.rencontres.journey;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.NotFoundException;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The venue staff's morning at the doors (issue 16), on the packaged jar with its clock at 08:30 on the first day
 * of the next Rencontres. The scanner signs in on a phone (390 x 844) and "scans" badges as a handheld scanner
 * does, typing the code and Enter into whatever has the focus; a tablet (800 x 1280) loses its network, reopens
 * the page from its service worker and keeps scanning; a room door refuses someone not signed up for the session.
 * The badges are the desk's A6 PDFs, their QR codes read back. Screenshots in target/journeys/venue/.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class VenueJourneyIT {

    private static final Pattern EVENT = Pattern.compile(
            "\"slug\":\"([^\"]+)\",\"title\":\"[^\"]*\",\"kind\":\"([A-Z_]+)\",\"format\":\"[A-Z_]+\",\"start\":\"([^\"]+)\"");

    private PackagedService service;
    private Browser desk;
    private String slug;
    private LocalDate firstDay;
    /** People already used by a journey: each journey scans people nobody scanned before. */
    private final List<Long> used = new ArrayList<>();

    @BeforeAll
    void start() {
        Journeys.assumeBrowser();
        service = PackagedService.start("venue", null);
        String[] edition = nextEdition(new Crawler(service, "anonymous"));
        if (edition == null) {
            // demo data that does not move with today's date: its last edition is upcoming from a year back
            service.restartAt(OffsetDateTime.now(ZoneId.of("Europe/Paris")).minusYears(1).withNano(0).toString());
            edition = nextEdition(new Crawler(service, "anonymous"));
        }
        assertNotNull(edition, "no upcoming conference edition in /api/v1/events, today or a year ago");
        slug = edition[0];
        firstDay = OffsetDateTime.parse(edition[1]).atZoneSameInstant(ZoneId.of("Europe/Paris")).toLocalDate();
        service.restartAt(firstDay.atTime(8, 30).atZone(ZoneId.of("Europe/Paris")).toOffsetDateTime().toString());
        desk = new Browser("venue", service);
        desk.signIn("desk");
    }

    @AfterAll
    void stop() {
        if (desk != null) {
            desk.close();
        }
        if (service != null) {
            service.close();
        }
    }

    @Test
    @Order(1)
    void a_handheld_scanner_checks_in_five_badges_wherever_the_focus_is_with_the_answer_in_sight_on_a_phone() {
        try (Browser phone = new Browser("venue", service, 390, 844)) {
            openScanPage(phone, "scanner");
            assertTrue(phone.find("#scan-list").getAttribute("value").startsWith("entrance:" + firstDay),
                    "today's entrance is chosen");
            assertEquals(390, phone.contentWidth(), "no side scroll on a phone");
            phone.screenshot("phone-ready");
            List<Map<String, Object>> people = pick(phone, "entrance", 5, null);

            // 1. focus on the list of doors: the burst neither changes the choice nor is lost
            String door = phone.find("#scan-list").getAttribute("value");
            phone.js("document.getElementById('scan-list').focus()");
            assertScannedIn(phone, people.get(0), "phone-scan-focus-on-list");
            assertEquals(door, phone.find("#scan-list").getAttribute("value"), "the scan did not change the door");

            // 2. after clicking Entrée
            press(phone, phone.field("Entrée"));
            assertEquals("radio", phone.driver().switchTo().activeElement().getAttribute("type"));
            assertScannedIn(phone, people.get(1), "phone-scan-after-entree");
            assertEquals("entry", phone.js("return document.querySelector('input[name=mode]:checked').value"));

            // 3. after a check-in by name: the next badge is that badge's person, not the one found by name
            phone.type("Nom, prénom ou organisation", "Haddad");
            press(phone, phone.find("#lookup-form button"));
            phone.waitFor(() -> !phone.findAll("#lookup-results button").isEmpty());
            phone.screenshot("phone-search-haddad");
            WebElement byName = phone.findAll("#lookup-results li").stream()
                    .filter(li -> !li.findElements(By.tagName("button")).isEmpty()).findFirst().orElseThrow();
            String nameFound = byName.findElement(By.tagName("span")).getText().split(",")[0];
            resetAnswer(phone);
            press(phone, byName.findElement(By.tagName("button")));
            String answer = awaitAnswer(phone);
            assertEquals("ok", answer, phone.find("#scan-result").getText());
            assertTrue(phone.find("#scan-result").getText().contains(nameFound), phone.find("#scan-result").getText());
            phone.js("document.querySelector('#lookup-results button').focus()");   // the worst case: focus left on it
            assertScannedIn(phone, people.get(2), "phone-scan-after-name-checkin");

            // 4. focus in the search field
            phone.js("document.getElementById('lookup-name').focus()");
            assertScannedIn(phone, people.get(3), "phone-scan-focus-in-search");
            assertFalse(phone.find("#lookup-name").getAttribute("value").contains("B1."), "the code left the search field");

            // 5. focus in the code field, as the page opens
            phone.js("document.getElementById('scan-code').focus()");
            assertScannedIn(phone, people.get(4), "phone-scan-code-field");

            // the right five were let in, once each, and the person found by name once
            List<Long> entered = acceptedEntries(phone, "entrance:" + firstDay);
            for (Map<String, Object> person : people) {
                assertEquals(1, entered.stream().filter(id -> id == id(person)).count(), "entered once: " + person);
            }
            assertEquals(6, entered.size(), "five badges and one check-in by name: " + entered);
            assertTrue(phone.find("#scan-history").getText().contains(nameFound), "the device's history lists the scans");
        }
    }

    @Test
    @Order(2)
    void an_offline_tablet_reopens_from_its_service_worker_keeps_scanning_and_reports_what_was_refused_at_sync() {
        try (Browser tablet = new Browser("venue", service, 800, 1280)) {
            openScanPage(tablet, "scanner");
            tablet.waitFor(() -> Boolean.TRUE.equals(tablet.js("return !!navigator.serviceWorker.controller")));
            List<Map<String, Object>> people = pick(tablet, "entrance", 4, null);
            Map<String, Object> learnt = people.get(2);     // cancelled while the tablet is online: it learns it
            Map<String, Object> lateRevoked = people.get(3); // cancelled while the tablet is offline
            String learntCode = code(learnt);
            String lateCode = code(lateRevoked);
            String firstCode = code(people.get(0));
            String secondCode = code(people.get(1));

            cancel(learnt);
            tablet.waitFor(() -> "CANCELLED".equals(tablet.js("const d = JSON.parse(localStorage.getItem("
                    + "'rencontres.scan.data.' + arguments[0])); return d.roster.find(r => r.id === arguments[1]).status",
                    slug, id(learnt))));

            tablet.offline(true);
            cancel(lateRevoked);
            // the network is gone for the service worker too (the emulation above cuts only the page)
            service.suspend();
            tablet.driver().navigate().refresh();
            tablet.waitFor(() -> "true".equals(tablet.find("body").getAttribute("data-scan-ready")));
            assertEquals("offline", tablet.find("#scan-network").getAttribute("data-state"));
            assertTrue(tablet.text().contains("Données de l'événement"), "the data's age is shown");
            tablet.screenshot("tablet-offline-reopened");

            assertEquals("ok", scan(tablet, firstCode));
            assertEquals("true", tablet.find("#scan-result").getAttribute("data-offline"));
            assertEquals("ok", scan(tablet, secondCode));
            assertEquals("ok", scan(tablet, lateCode), "offline, the tablet cannot know of the last cancellation");
            assertEquals("cancelled", scan(tablet, learntCode), "the cancellation learnt while online is applied offline");
            tablet.screenshot("tablet-offline-refused");
            assertEquals("4", tablet.find("#scan-queue").getAttribute("data-count"));

            service.resume();
            tablet.offline(false);
            tablet.waitFor(() -> "0".equals(tablet.find("#scan-queue").getAttribute("data-count")));
            tablet.screenshot("tablet-synced");
            String refusedAfter = tablet.find("#scan-sync-refused-after").getText();
            assertTrue(refusedAfter.contains(name(lateRevoked)), "let in offline, refused at sync: " + refusedAfter);
            assertTrue(refusedAfter.contains("annulée"), refusedAfter);
            String refusedAtDoor = tablet.find("#scan-sync-refused-door").getText();
            assertTrue(refusedAtDoor.contains(name(learnt)), "refused at the door: " + refusedAtDoor);
            assertTrue(tablet.find("#scan-sync-action").isDisplayed());

            assertEquals("already_checked_in", scan(tablet, firstCode), "back online: no second entry");
            List<Long> entered = acceptedEntries(tablet, "entrance:" + firstDay);
            assertEquals(1, entered.stream().filter(id -> id == id(people.get(0))).count());
            assertEquals(1, entered.stream().filter(id -> id == id(people.get(1))).count());
            assertFalse(entered.contains(id(lateRevoked)), "the cancelled registration was not counted in");

            // signing out leaves no roster on the device
            press(tablet, tablet.find("form[action='/logout'] button"));
            tablet.waitFor(() -> !tablet.path().startsWith("/staff/scan"));
            assertEquals(0L, tablet.js("return Object.keys(localStorage).filter(k => k.startsWith('rencontres.scan')).length"));
        }
    }

    @Test
    @Order(3)
    void a_room_door_refuses_someone_not_signed_up_then_welcomes_someone_signed_up_and_the_occupancy_shows_it() {
        try (Browser phone = new Browser("venue", service, 390, 844)) {
            openScanPage(phone, "scanner");
            String session = (String) phone.js("const d = JSON.parse(localStorage.getItem('rencontres.scan.data.' + arguments[0]));"
                    + " const l = d.lists.find(l => l.signUps && l.day === arguments[1] && l.capacity);"
                    + " return l ? l.key : null", slug, firstDay.toString());
            assertNotNull(session, "a session with sign-ups on the first day");
            long sessionId = Long.parseLong(session.substring("session:".length()));
            new Select(phone.find("#scan-list")).selectByValue(session);
            Map<String, Object> outsider = pick(phone, "not-signed-up", 1, sessionId).get(0);
            Map<String, Object> signedUp = pick(phone, "signed-up", 1, sessionId).get(0);

            phone.js("document.getElementById('scan-code').focus()");
            assertEquals("not_registered_for_session", scan(phone, code(outsider)));
            assertAnswerInSight(phone);
            phone.screenshot("phone-session-refused");
            assertEquals("ok", scan(phone, code(signedUp)));
            assertTrue(phone.find("#scan-result").getText().contains(name(signedUp)));
            assertTrue(phone.find(".scan-result-room").getText().contains("Dans la salle"),
                    "the room's count and capacity are shown at its door");
            phone.screenshot("phone-session-welcome");

            desk.open("/staff/events/" + slug + "/attendance");
            WebElement row = desk.find("tr[data-list='" + session + "']");
            assertEquals("1", row.getAttribute("data-inside"), row.getText());
            desk.screenshot("desk-occupancy");
            assertTrue(desk.text().contains("toutes les 20 secondes"), "the occupancy page refreshes itself");
        }
    }

    // ---- the scanning page ---------------------------------------------------------------------------------------

    private void openScanPage(Browser browser, String account) {
        browser.signIn(account);
        browser.open("/staff/scan?event=" + slug);
        browser.waitFor(() -> "true".equals(browser.find("body").getAttribute("data-scan-ready")));
    }

    /**
     * Clicks an element after scrolling it to the middle of the screen: on a phone the answer is pinned to the
     * bottom, where a plain scroll-into-view would leave the element under it.
     */
    private static void press(Browser browser, WebElement element) {
        browser.js("arguments[0].scrollIntoView({block: 'center'})", element);
        element.click();
    }

    private static void resetAnswer(Browser browser) {
        browser.js("document.getElementById('scan-result').dataset.outcome = ''");
    }

    private static String awaitAnswer(Browser browser) {
        return browser.waitFor(() -> {
            String outcome = browser.find("#scan-result").getAttribute("data-outcome");
            return outcome.isEmpty() || outcome.equals("pending") ? null : outcome;
        });
    }

    /** Types the code and Enter into whatever has the focus, as a handheld scanner does, and waits for the answer. */
    private static String scan(Browser browser, String code) {
        resetAnswer(browser);
        new Actions(browser.driver()).sendKeys(code).sendKeys(Keys.ENTER).perform();
        return awaitAnswer(browser);
    }

    private void assertScannedIn(Browser phone, Map<String, Object> person, String screenshot) {
        String outcome = scan(phone, code(person));
        String text = phone.find("#scan-result").getText();
        assertEquals("ok", outcome, text);
        assertTrue(text.contains("Bienvenue") && text.contains(name(person)), text);
        assertAnswerInSight(phone);
        phone.screenshot(screenshot);
    }

    private static void assertAnswerInSight(Browser browser) {
        assertEquals(Boolean.TRUE, browser.js("const r = document.getElementById('scan-result').getBoundingClientRect();"
                + " return r.top >= 0 && r.bottom <= window.innerHeight + 1 && r.height > 60"),
                "the answer is on screen without scrolling");
    }

    /**
     * People of the roster the page keeps, confirmed, of distinct names, never used by another journey:
     * for the entrance, or signed up (or not) for a session.
     */
    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> pick(Browser browser, String kind, int count, Long sessionId) {
        List<Map<String, Object>> roster = (List<Map<String, Object>>) browser.js(
                "return JSON.parse(localStorage.getItem('rencontres.scan.data.' + arguments[0])).roster", slug);
        List<Map<String, Object>> chosen = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (Map<String, Object> r : roster) {
            List<Object> sessions = r.get("sessions") == null ? List.of() : (List<Object>) r.get("sessions");
            boolean signed = sessionId != null && sessions.stream().anyMatch(s -> ((Number) s).longValue() == sessionId);
            boolean fits = switch (kind) {
                case "signed-up" -> signed;
                case "not-signed-up" -> !signed;
                default -> true;
            };
            String last = (String) r.get("lastName");
            if (fits && "CONFIRMED".equals(r.get("status")) && !used.contains(id(r)) && !names.contains(last)
                    && !"Haddad".equals(last)) {
                chosen.add(r);
                names.add(last);
                used.add(id(r));
                if (chosen.size() == count) {
                    return chosen;
                }
            }
        }
        throw new AssertionError("not enough people for " + kind + " in the roster");
    }

    /** Accepted entries at a door, one registration id per entry, as every door learns them. */
    private List<Long> acceptedEntries(Browser browser, String list) {
        String json = new String(browser.download("/api/v1/events/" + slug + "/scanner-changes?after=0"),
                StandardCharsets.UTF_8);
        List<Long> ids = new ArrayList<>();
        Matcher m = Pattern.compile("\"registrationId\":(\\d+),\"listKey\":\"" + Pattern.quote(list)
                + "\",\"direction\":\"ENTRY\"").matcher(json);
        while (m.find()) {
            ids.add(Long.parseLong(m.group(1)));
        }
        return ids;
    }

    // ---- the desk -------------------------------------------------------------------------------------------------

    /** The badge's code: the desk's A6 PDF of the registration, its QR code read back. */
    private String code(Map<String, Object> person) {
        byte[] pdf = desk.download("/api/v1/registrations/" + id(person) + "/badge.pdf?layout=A6");
        try (PDDocument document = Loader.loadPDF(pdf)) {
            BufferedImage image = new PDFRenderer(document).renderImageWithDPI(0, 200);
            return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(
                    new BufferedImageLuminanceSource(image)))).getText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NotFoundException | com.google.zxing.ChecksumException | com.google.zxing.FormatException e) {
            throw new AssertionError("no readable QR code on the badge of " + person, e);
        }
    }

    /** The desk cancels a registration from the event's registrations page (its form, its CSRF token). */
    private void cancel(Map<String, Object> person) {
        desk.open("/staff/registrations/" + eventId());
        desk.js("const f = document.createElement('form'); f.method = 'post';"
                + " f.action = '/staff/registrations/' + arguments[0] + '/r/' + arguments[1] + '/cancel';"
                + " const t = document.createElement('input'); t.type = 'hidden'; t.name = 'csrfToken';"
                + " t.value = document.querySelector('input[name=csrfToken]').value; f.appendChild(t);"
                + " document.body.appendChild(f); f.submit();", eventId(), id(person));
        desk.waitFor(() -> !desk.path().endsWith("/cancel"));
    }

    private long eventId() {
        String json = new String(desk.download("/api/v1/events/" + slug + "/scanner-data"), StandardCharsets.UTF_8);
        Matcher m = Pattern.compile("\"eventId\":(\\d+)").matcher(json);
        assertTrue(m.find(), json.substring(0, Math.min(200, json.length())));
        return Long.parseLong(m.group(1));
    }

    private static long id(Map<String, Object> person) {
        return ((Number) person.get("id")).longValue();
    }

    private static String name(Map<String, Object> person) {
        return person.get("firstName") + " " + person.get("lastName");
    }

    /** The next conference edition (slug, start) at the service's "now", or null. */
    private static String[] nextEdition(Crawler anonymous) {
        Matcher m = EVENT.matcher(anonymous.get("/api/v1/events").body());
        String[] found = null;
        while (m.find()) {
            if (m.group(2).equals("CONFERENCE_EDITION")
                    && (found == null || OffsetDateTime.parse(m.group(3)).isBefore(OffsetDateTime.parse(found[1])))) {
                found = new String[] {m.group(1), m.group(3)};
            }
        }
        return found;
    }
}
