package fr.cuf.rencontres.journey;

import net.fortuna.ical4j.data.CalendarBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.Cookie;

import java.io.ByteArrayInputStream;
import java.net.HttpCookie;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every page reachable by clicking, as every demo identity, on the packaged service with the demo data: at today's
 * date, then (same database, restarted) at 08:30 on the next edition's first morning. Fails on a 5xx, a template
 * leak, a link shown to a role that answers 403, a feed that does not parse, a public page wider than a phone, a
 * serious or critical axe-core finding, and a back-office page that no link leads to for a role allowed to open it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CrawlIT {

    /** Demo identities and the roles each is granted (staff.Role.granted). */
    private static final Map<String, Set<String>> IDENTITIES = new LinkedHashMap<>();

    static {
        IDENTITIES.put("anonymous", Set.of());
        IDENTITIES.put("scanner", Set.of("SCANNER"));
        IDENTITIES.put("desk", Set.of("REGISTRATION_DESK", "SCANNER"));
        IDENTITIES.put("programme", Set.of("PROGRAMME"));
        IDENTITIES.put("admin", Set.of("ADMIN", "PROGRAMME", "REGISTRATION_DESK", "SCANNER"));
    }

    private static final int PHONE = 390;

    private PackagedService service;

    @BeforeAll
    void start() {
        Journeys.assumeBrowser();
        service = PackagedService.start("crawl", null);
    }

    @AfterAll
    void stop() {
        if (service != null) {
            service.close();
        }
    }

    @Test
    @Order(1)
    void every_page_works_for_every_role_today() {
        crawlAndCheck("today");
    }

    @Test
    @Order(2)
    void the_programme_feed_of_every_edition_answers_and_parses() throws Exception {
        Crawler anonymous = new Crawler(service, "anonymous");
        List<String> editions = editionSlugs(anonymous.get("/api/v1/events?when=all").body());
        assertTrue(editions.size() >= 2, "the demo data has a past and a next edition: " + editions);
        for (String slug : editions) {
            var feed = anonymous.get("/events/" + slug + "/programme.ics");
            assertEquals(200, feed.statusCode(), slug + " programme feed: " + feed.body());
            var calendar = new CalendarBuilder().build(new ByteArrayInputStream(feed.body().getBytes()));
            assertFalse(calendar.getComponents("VEVENT").isEmpty(), slug + " programme feed has no event");
        }
    }

    @Test
    @Order(3)
    void every_page_works_for_every_role_on_the_first_morning_of_the_next_edition() {
        Crawler anonymous = new Crawler(service, "anonymous");
        LocalDate firstDay = nextEditionStart(anonymous.get("/api/v1/events?when=upcoming").body());
        String morning = firstDay.atTime(8, 30).atZone(ZoneId.of("Europe/Paris")).toOffsetDateTime().toString();
        service.restartAt(morning);
        crawlAndCheck("first-morning");
    }

    private void crawlAndCheck(String day) {
        List<Crawler> crawls = new ArrayList<>();
        List<Crawler.Problem> problems = new ArrayList<>();
        for (String identity : IDENTITIES.keySet()) {
            long started = System.nanoTime();
            Crawler crawler = new Crawler(service, identity).signIn().crawl(identity.equals("anonymous")
                    ? new String[] {"/"} : new String[] {"/", "/staff"});
            System.out.printf("crawl %s %s: %d pages, %d shapes, %d ms%n", day, identity, crawler.pages().size(),
                    crawler.representatives().size(), (System.nanoTime() - started) / 1_000_000);
            crawls.add(crawler);
            problems.addAll(crawler.problems());
        }
        problems.addAll(inBrowser(day, crawls));
        problems.addAll(unlinkedStaffPages(crawls));
        assertTrue(problems.isEmpty(), problems.size() + " problem(s) " + day + ":\n"
                + problems.stream().map(Object::toString).distinct().collect(Collectors.joining("\n")));
    }

    /** One page of each shape, per identity, in Chromium: axe-core, and the width at 390 px for public pages. */
    private List<Crawler.Problem> inBrowser(String day, List<Crawler> crawls) {
        List<Crawler.Problem> problems = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (Crawler crawler : crawls) {
            try (Browser browser = new Browser("crawl-" + day + "-" + crawler.identity(), service, PHONE, 844)) {
                browser.open("/health");
                browser.consoleErrors();
                for (HttpCookie c : crawler.cookies()) {
                    browser.driver().manage().addCookie(new Cookie(c.getName(), c.getValue(), "/"));
                }
                for (Map.Entry<String, String> shape : crawler.representatives().entrySet()) {
                    boolean publicPage = !shape.getKey().startsWith("/staff");
                    if (!seen.add(shape.getKey()) && !publicPage) {
                        continue;
                    }
                    String path = shape.getValue();
                    browser.open(path);
                    if (publicPage && browser.contentWidth() > PHONE) {
                        browser.screenshot("too-wide-" + path);
                        problems.add(new Crawler.Problem(crawler.identity(), path,
                                "page is " + browser.contentWidth() + " px wide at a " + PHONE + " px viewport"));
                    }
                    for (String leak : Crawler.leaks(browser.text())) {
                        problems.add(new Crawler.Problem(crawler.identity(), path, "in the browser, " + leak));
                    }
                    for (String error : browser.consoleErrors()) {
                        problems.add(new Crawler.Problem(crawler.identity(), path, "console: " + error));
                    }
                    for (String finding : browser.accessibilityProblems()) {
                        problems.add(new Crawler.Problem(crawler.identity(), path, "axe: " + finding));
                    }
                }
            }
        }
        return problems;
    }

    /**
     * Pages of things the demo data does not make (an import upload, a badge print run, a solver run): staff create
     * them by working, and the page that lists them links each one (ImportWebTest, BadgeServiceTest and the programme
     * journey open them). Anything else unlinked fails the crawl.
     */
    private static final Set<String> MADE_BY_STAFF_WORK = Set.of("ImportPagesController.preview",
            "ImportPagesController.report", "ImportPagesController.rejected");

    /** Back-office pages (GET routes of web.staff) that no link led to for any identity allowed to open them. */
    private List<Crawler.Problem> unlinkedStaffPages(List<Crawler> crawls) {
        List<Crawler.Problem> problems = new ArrayList<>();
        for (StaffRoutes.Route route : StaffRoutes.all()) {
            if (MADE_BY_STAFF_WORK.contains(route.handler())) {
                continue;
            }
            boolean reached = crawls.stream()
                    .filter(c -> route.allows(IDENTITIES.get(c.identity())) && !c.identity().equals("anonymous"))
                    .anyMatch(c -> c.pages().values().stream()
                            .anyMatch(p -> p.status() == 200 && route.matches(p.path())));
            if (!reached) {
                problems.add(new Crawler.Problem("roles " + route.roles(), route.template(),
                        "no link leads to this back-office page (" + route.handler() + ")"));
            }
        }
        return problems;
    }

    private static final Pattern EVENT = Pattern.compile("\"slug\"\\s*:\\s*\"([^\"]+)\"[^{}]*?\"kind\"\\s*:\\s*\"([A-Z_]+)\"[^{}]*?\"start\"\\s*:\\s*\"([^\"]+)\"");

    private static List<String> editionSlugs(String json) {
        List<String> slugs = new ArrayList<>();
        Matcher m = EVENT.matcher(json);
        while (m.find()) {
            if (m.group(2).equals("CONFERENCE_EDITION")) {
                slugs.add(m.group(1));
            }
        }
        return slugs;
    }

    private static LocalDate nextEditionStart(String json) {
        Matcher m = EVENT.matcher(json);
        while (m.find()) {
            if (m.group(2).equals("CONFERENCE_EDITION")) {
                return OffsetDateTime.parse(m.group(3)).atZoneSameInstant(ZoneId.of("Europe/Paris")).toLocalDate();
            }
        }
        throw new AssertionError("no upcoming conference edition in /api/v1/events: " + json);
    }
}
