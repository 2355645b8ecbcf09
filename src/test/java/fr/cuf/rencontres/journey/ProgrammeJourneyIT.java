package fr.cuf.rencontres.journey;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.WebElement;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The programme manager's journeys (issue 15), signed in as {@code programme} on the packaged jar with the demo
 * data: the grid read at 1600 px and a session dragged onto a room too small then back; the session form with
 * only what is needed, and refused with its values kept; the solver on ten sessions, its proposal accepted and
 * published from the page, the public changelog and the registrants' mails; the printable booklet.
 * Screenshots in target/journeys/programme/.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ProgrammeJourneyIT {

    private Mailbox mailbox;
    private PackagedService service;
    private String slug;

    @BeforeAll
    void start() {
        Journeys.assumeBrowser();
        mailbox = new Mailbox();
        service = PackagedService.start("programme", mailbox);
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

    /** The demo's conference edition, found as staff find it: the Rencontres in the events list. */
    private String edition(Browser browser) {
        if (slug == null) {
            browser.open("/staff/events");
            slug = browser.findAll("a[href^='/events/rencontres-aict-']").get(0).getAttribute("href")
                    .replaceAll(".*/events/", "");
        }
        return slug;
    }

    @Test
    @Order(1)
    void the_grid_is_readable_at_1600_px_and_warns_live_when_a_session_is_dragged_onto_a_room_too_small() {
        try (Browser browser = new Browser("programme", service, 1600, 1000)) {
            browser.signIn("programme");
            browser.open("/staff/events/" + edition(browser) + "/timetable");
            browser.screenshot("grid-1600");
            String text = browser.text();
            assertFalse(text.contains("{col=") || text.contains("rowStart"), "no block printed as raw data");
            Object roomsFit = browser.js("""
                    const rooms = Array.from(document.querySelector('.tt-grid').querySelectorAll('.tt-room'));
                    return rooms.length > 0 && rooms.every(r => r.getBoundingClientRect().right <= window.innerWidth);""");
            assertEquals(Boolean.TRUE, roomsFit, "every room of the day is visible at 1600 px");
            Object unreadable = browser.js("""
                    return Array.from(document.querySelectorAll('.tt-block')).filter(b => {
                      const title = b.querySelector('.tt-title'), time = b.querySelector('.tt-time');
                      const box = b.getBoundingClientRect();
                      return !title || title.textContent.trim() === '' || title.scrollWidth > box.width + 1
                          || !/\\d\\d:\\d\\d–\\d\\d:\\d\\d/.test(time.textContent)
                          || title.getBoundingClientRect().top >= box.bottom;
                    }).map(b => b.id);""");
            assertEquals(List.of(), unreadable, "every block shows its time and its title inside it");

            // a session with more people than the smallest room's seats, and a cell of that room at its own time
            @SuppressWarnings("unchecked")
            List<Object> target = (List<Object>) browser.js("""
                    const data = JSON.parse(document.getElementById('tt-data').textContent);
                    const rooms = Object.entries(data.rooms).sort((a, b) => a[1].capacity - b[1].capacity);
                    const [smallId, small] = rooms[0];
                    for (const block of document.querySelectorAll('article.tt-block')) {
                      const s = data.sessions[block.dataset.session];
                      if (s && s.audience > small.capacity) {
                        const grid = block.closest('.tt-grid');
                        const start = String(Math.floor(s.start / 60)).padStart(2, '0') + ':' + String(s.start % 60).padStart(2, '0');
                        const cell = grid.querySelector('.tt-cell[data-room="' + smallId + '"][data-start="' + start + '"]');
                        if (cell) { return [block.id, smallId, start, s.title]; }
                      }
                    }
                    return null;""");
            assertTrue(target != null, "the demo has a session bigger than its smallest room");
            String blockId = (String) target.get(0);
            String smallRoom = (String) target.get(1);
            String start = (String) target.get(2);
            String title = (String) target.get(3);
            String homeRoom = (String) browser.js("""
                    const col = +document.getElementById(arguments[0]).style.gridColumnStart;
                    return document.querySelector('.tt-grid .tt-room[style*="grid-column: ' + col + ';"]').dataset.room;""",
                    blockId);

            dragOver(browser, blockId, smallRoom, start);
            String live = (String) browser.waitFor(() -> {
                Object t = browser.js("const l = document.getElementById('tt-live'); return l.hidden ? null : l.textContent;");
                return t == null ? null : t.toString();
            });
            assertTrue(live.contains("Salle trop petite") && live.contains(title), live);
            browser.screenshot("drag-live-warning");

            drop(browser, blockId, smallRoom, start);
            browser.waitFor(() -> browser.js("""
                    const b = document.getElementById(arguments[0]);
                    return b && b.textContent.includes('Salle trop petite') ? true : null;""", blockId));
            browser.screenshot("dropped-too-small");

            dragOver(browser, blockId, homeRoom, start);
            drop(browser, blockId, homeRoom, start);
            browser.waitFor(() -> browser.js("""
                    const b = document.getElementById(arguments[0]);
                    return b && !b.textContent.includes('Salle trop petite') ? true : null;""", blockId));
            browser.screenshot("moved-back");
        }
    }

    /** Native drag and drop as Chromium's events, which WebDriver's actions do not produce for HTML5 drag. */
    private static void dragOver(Browser browser, String blockId, String roomId, String start) {
        browser.js("""
                const block = document.getElementById(arguments[0]);
                const cell = block.closest('.timetable-days').querySelector(
                    '.tt-grid .tt-cell[data-room="' + arguments[1] + '"][data-start="' + arguments[2] + '"]');
                const dt = new DataTransfer();
                block.dispatchEvent(new DragEvent('dragstart', {bubbles: true, dataTransfer: dt}));
                cell.dispatchEvent(new DragEvent('dragover', {bubbles: true, cancelable: true, dataTransfer: dt}));
                window.__dt = dt;""", blockId, roomId, start);
    }

    private static void drop(Browser browser, String blockId, String roomId, String start) {
        browser.js("""
                const block = document.getElementById(arguments[0]);
                const cell = block.closest('.timetable-days').querySelector(
                    '.tt-grid .tt-cell[data-room="' + arguments[1] + '"][data-start="' + arguments[2] + '"]');
                cell.dispatchEvent(new DragEvent('drop', {bubbles: true, cancelable: true, dataTransfer: window.__dt}));""",
                blockId, roomId, start);
    }

    @Test
    @Order(2)
    void a_session_needs_only_a_title_a_kind_and_a_length_and_a_refusal_keeps_what_was_typed() {
        try (Browser browser = new Browser("programme", service, 1600, 1000)) {
            browser.signIn("programme");
            browser.open("/staff/events/" + edition(browser) + "/timetable/sessions/new");
            browser.type("Titre", "Atelier Genre et climat").choose("Type", "Atelier").type("Durée prévue", "90");
            browser.screenshot("new-session-minimal");
            browser.clickAndWait("Enregistrer");
            assertTrue(browser.path().contains("/timetable"), browser.path());
            browser.waitForText("Atelier Genre et climat");
            browser.screenshot("new-session-saved");

            browser.open("/staff/events/" + slug + "/timetable/sessions/new");
            browser.type("Titre", "Point Haïti : reconstruction").choose("Type", "Point pays");
            browser.find("#f-date").findElements(org.openqa.selenium.By.tagName("option")).get(1).click();
            browser.js("document.getElementById('f-start').value = '15:00'; document.getElementById('f-end').value = '14:00';");
            browser.choose("Salle", browser.find("#f-room").findElements(org.openqa.selenium.By.tagName("option")).get(1).getText());
            browser.clickAndWait("Enregistrer");
            browser.screenshot("end-before-start");
            WebElement error = browser.find("#e-end");
            assertEquals("La fin doit être postérieure au début.", error.getText());
            assertEquals("Point Haïti : reconstruction", browser.field("Titre").getAttribute("value"), "the title is kept");
            assertEquals("15:00", browser.find("#f-start").getAttribute("value"), "the start is kept");
            assertEquals("14:00", browser.find("#f-end").getAttribute("value"), "the end is kept");
            Object besideEnd = browser.js("const e = document.getElementById('e-end'); "
                    + "return e.parentElement === document.getElementById('f-end').parentElement;");
            assertEquals(Boolean.TRUE, besideEnd, "the message sits next to the End field");
        }
    }

    @Test
    @Order(3)
    void the_solver_places_ten_sessions_its_proposal_is_accepted_published_and_registrants_are_told_in_their_language() {
        try (Browser browser = new Browser("programme", service, 1600, 1000)) {
            browser.signIn("programme");
            // first a change by hand that registrants will hear of: a session they chose goes to a bigger free room
            browser.open("/staff/events/" + edition(browser) + "/timetable");
            @SuppressWarnings("unchecked")
            List<Object> move = (List<Object>) browser.js("""
                    const data = JSON.parse(document.getElementById('tt-data').textContent);
                    const placed = Object.entries(data.sessions).filter(([id, s]) => s.room && s.day);
                    for (const [id, s] of placed) {
                      if (s.taken === 0) { continue; }
                      for (const [roomId, room] of Object.entries(data.rooms)) {
                        const busy = placed.some(([o, x]) => x.room === roomId && x.day === s.day && x.start < s.end && s.start < x.end);
                        if (!busy && room.capacity > data.rooms[s.room].capacity) {
                          return [id, s.title, s.day, String(Math.floor(s.start / 60)).padStart(2, '0') + ':'
                              + String(s.start % 60).padStart(2, '0'), String(s.end - s.start), roomId];
                        }
                      }
                    }
                    return null;""");
            assertTrue(move != null, "a session with registrants can move to a bigger free room");
            String moved = (String) move.get(1);
            browser.js("""
                    const f = document.getElementById('place-form');
                    f.elements.sessionId.value = arguments[0]; f.elements.date.value = arguments[1];
                    f.elements.start.value = arguments[2]; f.elements.minutes.value = arguments[3];
                    f.elements.roomId.value = arguments[4];""", move.get(0), move.get(2), move.get(3), move.get(4), move.get(5));
            browser.clickAndWait("Placer la séance");
            browser.screenshot("moved-by-hand");

            browser.open("/staff/events/" + slug + "/timetable/runs");
            List<WebElement> boxes = browser.findAll("input[name=sessionIds]");
            int picked = 0;
            for (WebElement box : boxes) {
                String label = browser.find("label[for='" + box.getAttribute("id") + "']").getText();
                if ((label.startsWith("Atelier") || label.startsWith("Point")) && !label.equals(moved) && picked < 10) {
                    if (!box.isSelected()) {
                        box.click();
                    }
                    picked++;
                } else if (box.isSelected()) {
                    box.click();
                }
            }
            assertEquals(10, picked);
            browser.type("Durée de recherche", "5");
            browser.screenshot("solver-pick");
            browser.clickAndWait("Lancer le placement");
            browser.screenshot("solver-running");
            assertTrue(browser.text().contains("Score"), "the run page shows its progress");
            browser.waitFor(() -> {
                browser.open(browser.path());
                return browser.text().contains("Accepter la proposition") ? true : null;
            });
            browser.screenshot("solver-proposal");
            String run = browser.text();
            assertTrue(run.contains("aucun conflit bloquant"), "hard 0:\n" + run);
            Matcher clashes = Pattern.compile("(\\d+) avant → (\\d+) avec cette proposition").matcher(run);
            assertTrue(clashes.find(), "the proposal shows the registrants' clashes before → after:\n" + run);
            assertTrue(Integer.parseInt(clashes.group(2)) <= Integer.parseInt(clashes.group(1)), clashes.group());
            browser.clickAndWait("Accepter la proposition");

            browser.open("/staff/events/" + slug + "/timetable");
            browser.clickAndWait("Publier…");
            browser.screenshot("publish-preview");
            String preview = browser.text();
            assertTrue(preview.contains("Ce qui change") && preview.contains(moved), preview);
            int mailsBefore = mailbox.all().size();
            browser.clickAndWait("Publier (la version");
            browser.screenshot("published");
            assertTrue(browser.path().contains("/timetable/versions"), browser.path());

            browser.open("/events/" + slug);
            browser.screenshot("public-changelog");
            assertTrue(browser.text().contains("Ce qui a changé"), "the public page shows the changelog");

            List<Mailbox.Mail> mails = mailbox.awaitAny(mailsBefore + 1);
            List<Mailbox.Mail> changes = mails.stream().filter(m -> m.subject().contains("programme")
                    || m.subject().contains("Programme")).toList();
            assertFalse(changes.isEmpty(), "affected registrants are mailed");
            Pattern oldToNew = Pattern.compile("\\d\\d:\\d\\d–\\d\\d:\\d\\d.* → .*\\d\\d:\\d\\d–\\d\\d:\\d\\d");
            List<String> problems = new ArrayList<>();
            for (Mailbox.Mail mail : changes) {
                String body = mail.text();
                boolean english = mail.subject().startsWith("Programme change");
                if (!oldToNew.matcher(body).find()) {
                    problems.add("no old → new times: " + body);
                }
                if (english ? body.contains("déplacée") : body.contains(" moved")) {
                    problems.add("not in the registrant's language: " + body);
                }
            }
            assertEquals(List.of(), problems);
        }
    }

    @Test
    @Order(4)
    void the_programme_booklet_lists_every_session_once_in_day_and_time_order() throws IOException {
        try (Browser browser = new Browser("programme", service, 1600, 1000)) {
            browser.signIn("programme");
            String edition = edition(browser);
            browser.open("/events/" + edition);
            browser.clickAndWait("Programme imprimable");
            byte[] pdf = browser.download("/events/" + edition + "/programme.pdf");
            String text;
            try (PDDocument document = Loader.loadPDF(pdf)) {
                text = new PDFTextStripper().getText(document);
            }
            browser.open("/events/" + edition);
            List<String> titles = browser.findAll("table.programme .session-title").stream()
                    .map(WebElement::getText).filter(t -> !t.isBlank()).toList();
            assertFalse(titles.isEmpty(), "the public page lists sessions");
            String flat = text.replaceAll("\\s+", " ");
            for (String title : titles) {
                String key = title.length() > 40 ? title.substring(0, 40) : title;
                assertTrue(flat.contains(key), "the booklet has " + title);
                assertEquals(flat.indexOf(key), flat.lastIndexOf(key), "the booklet has " + title + " once");
            }
            Matcher times = Pattern.compile("(\\d\\d):(\\d\\d)–\\d\\d:\\d\\d ·").matcher(text);
            List<Integer> starts = new ArrayList<>();
            while (times.find()) {
                starts.add(Integer.parseInt(times.group(1)) * 60 + Integer.parseInt(times.group(2)));
            }
            assertTrue(starts.size() >= titles.size() / 2, "one heading per session: " + starts.size());
            int day = 0;
            for (int i = 1; i < starts.size(); i++) {
                if (starts.get(i) < starts.get(i - 1)) {
                    day++;
                }
            }
            assertTrue(day <= 1, "two days, each in time order: " + starts);
        }
    }
}
