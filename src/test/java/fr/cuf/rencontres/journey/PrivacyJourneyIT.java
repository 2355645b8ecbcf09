package fr.cuf.rencontres.journey;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
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
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Data protection (issue 19) in Chromium on the packaged jar with the demo data: a participant reads the privacy
 * notice from the form, registers and downloads her data from her personal page; then the administrator erases
 * her (her page, badge and feed stop working, the counts stay, the audit log says who and why) and applies
 * retention to the past edition after previewing it. Screenshots in target/journeys/privacy-*.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PrivacyJourneyIT {

    private static final String EMAIL = "lea.fontaine@example.org";

    private Mailbox mailbox;
    private PackagedService service;
    private String edition;
    private String personalLink;
    private String feedUrl;

    @BeforeAll
    void start() {
        Journeys.assumeBrowser();
        mailbox = new Mailbox();
        service = PackagedService.start("privacy", mailbox, System.getProperty("journey.clock"), Map.of());
        edition = firstEdition(get("/api/v1/events"));
        Path downloads = Journeys.outputDir("privacy-participant").resolve("downloads");
        if (Files.isDirectory(downloads)) {
            try (Stream<Path> old = Files.list(downloads)) {
                old.forEach(f -> f.toFile().delete());
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
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
    @Order(1)
    void a_participant_reads_the_notice_from_the_form_registers_and_downloads_her_data() throws Exception {
        try (Browser browser = new Browser("privacy-participant", service)) {
            browser.open("/events/" + edition + "/register");
            WebElement notice = browser.find("form a[href='/privacy']");
            String form = browser.driver().getWindowHandle();
            notice.click();
            browser.waitFor(() -> browser.driver().getWindowHandles().size() > 1 ? true : null);
            String tab = browser.driver().getWindowHandles().stream().filter(h -> !h.equals(form)).findFirst().orElseThrow();
            browser.driver().switchTo().window(tab);
            browser.waitForText("Politique de confidentialité");
            browser.screenshot("privacy-notice");
            String version = browser.find(".lead").getText();
            assertTrue(version.startsWith("Version "), version);
            assertTrue(browser.text().contains("24 mois"), "the notice says how long data is kept");
            assertTrue(browser.accessibilityProblems().isEmpty(), browser.accessibilityProblems().toString());
            browser.driver().close();
            browser.driver().switchTo().window(form);

            browser.type("Prénom", "Léa").type("Nom", "Fontaine").type("Adresse e-mail", EMAIL);
            browser.choose("Vous venez en tant que", "Technicien·ne");
            new org.openqa.selenium.support.ui.Select(browser.find("#organisationId")).getOptions().stream()
                    .filter(o -> !o.getAttribute("value").isEmpty()).findFirst().orElseThrow().click();
            browser.type("Régime alimentaire", "Végétarienne");
            browser.check("J'accepte");
            browser.screenshot("form-with-consent");
            browser.clickAndWait("Confirmer l'inscription");
            browser.screenshot("registered");

            personalLink = mailbox.awaitMail(EMAIL).link("/me/");
            browser.open(personalLink);
            browser.clickAndWait("Obtenir l'adresse de mon agenda");
            feedUrl = browser.find("code.feed-url").getText();
            browser.js("document.getElementById('mydata').scrollIntoView({block: 'start'})");
            browser.screenshot("my-data-section");
            browser.click("Télécharger mes données");
            Path zip = browser.waitFor(() -> downloaded(Journeys.outputDir("privacy-participant").resolve("downloads")));
            Map<String, String> files = unzip(Files.readAllBytes(zip));
            assertTrue(files.keySet().containsAll(List.of("data.json", "person.csv", "registrations.csv")), files.keySet().toString());
            assertTrue(files.get("data.json").contains(EMAIL) && files.get("data.json").contains("Fontaine"));
            assertTrue(files.get("registrations.csv").contains(EMAIL), "the CSV holds her registration");
            assertFalse(files.get("data.json").contains("Végétarienne"), "needs only when the box is ticked");
            browser.download(feedUrl);
            browser.download(URI.create(personalLink).getPath() + "/badge.pdf");
        }
    }

    @Test
    @Order(2)
    void the_admin_erases_her_her_links_stop_counts_stay_and_the_log_says_who_and_why() {
        try (Browser browser = new Browser("privacy-erasure", service)) {
            browser.signIn("admin");
            browser.open("/staff");
            String before = registered(browser);
            browser.screenshot("home-before");
            browser.open("/staff/persons?q=Fontaine");
            // the demo data has another Léa Fontaine: the row of her e-mail
            browser.driver().findElement(By.xpath("//tr[td[contains(., '" + EMAIL + "')]]//a[starts-with(@href, '/staff/persons/')]")).click();
            browser.waitFor(() -> browser.path().matches("/staff/persons/\\d+") ? true : null);
            browser.clickAndWait("Données personnelles : export et effacement");
            browser.screenshot("person-privacy");
            browser.type("Motif (demande reçue, référence)", "Demande écrite de l'intéressée, courriel du 7 décembre");
            browser.clickAndWait("Effacer cette personne");
            browser.screenshot("erasure-refused-future-registration");
            assertTrue(browser.find("[data-code='future_registration']").isDisplayed());
            assertEquals("Demande écrite de l'intéressée, courriel du 7 décembre", browser.field("Motif (demande reçue, référence)").getAttribute("value"),
                    "what was typed is kept");
            browser.check("Je confirme l'effacement malgré ce qui précède");
            browser.clickAndWait("Effacer cette personne");
            browser.screenshot("erased");
            assertTrue(browser.text().contains("Personne effacée"), browser.text());

            assertEquals(404, status(personalLink), "her personal page stops working");
            assertEquals(404, status(personalLink + "/badge.pdf"), "her badge");
            assertEquals(404, status(feedUrl), "her agenda feed");
            browser.open(URI.create(personalLink).getPath());
            browser.screenshot("personal-page-gone");

            browser.open("/staff");
            assertEquals(before, registered(browser), "the registration counts stay");

            browser.open("/staff");
            browser.clickAndWait("Journal d'audit");
            browser.choose("Action", "Personne effacée");
            browser.clickAndWait("Filtrer");
            browser.screenshot("audit-erasure");
            WebElement row = browser.find("tr[data-action='person.erased']");
            assertTrue(row.getText().contains("admin") && row.getText().contains("courriel du 7 décembre"), row.getText());
            assertTrue(browser.find("a[href^='/staff/audit/export.csv']").isDisplayed());
        }
    }

    @Test
    @Order(3)
    void the_admin_previews_retention_on_the_past_edition_then_runs_it() {
        String past = firstEdition(get("/api/v1/events?when=past"));
        try (Browser browser = new Browser("privacy-retention", service)) {
            browser.signIn("admin");
            browser.open("/staff");
            browser.clickAndWait("Conservation des données");
            browser.screenshot("retention-default");
            WebElement row = browser.find("tr[data-event='" + past + "']");
            String id = row.getAttribute("id").replace("event-", "");
            browser.find("#months-" + id).sendKeys("douze");
            row.findElement(By.tagName("button")).click();
            browser.waitFor(() -> browser.findAll("#months-" + id + "-error").isEmpty() ? null : true);
            browser.js("document.getElementById('months-" + id + "').scrollIntoView({block: 'center'})");
            browser.screenshot("retention-refused-beside-the-field");
            assertEquals("douze", browser.find("#months-" + id).getAttribute("value"), "what was typed is kept");
            assertEquals("retention_months_range", browser.find("#months-" + id + "-error").getAttribute("data-code"));
            row = browser.find("tr[data-event='" + past + "']");
            browser.find("#months-" + id).clear();
            browser.find("#months-" + id).sendKeys("0");
            row.findElement(By.tagName("button")).click();
            browser.waitFor(() -> browser.findAll("#retention-due tr[data-event='" + past + "']").isEmpty() ? null : true);
            browser.js("window.scrollTo(0, 0)");
            browser.screenshot("retention-preview");
            String toGo = browser.find("#retention-due tr[data-event='" + past + "'] td:nth-child(3)").getText();
            assertTrue(Integer.parseInt(toGo) > 0, "the past edition's participants would go: " + toGo);
            browser.clickAndWait("Appliquer maintenant");
            browser.screenshot("retention-ran");
            String ran = browser.find("[data-ran]").getAttribute("data-ran");
            assertTrue(Integer.parseInt(ran.split("-")[0]) >= Integer.parseInt(toGo) - 0, ran);
            assertTrue(browser.findAll("#retention-due tr[data-event='" + past + "']").isEmpty(), "nothing left to go");
            browser.open("/staff/audit?action=retention.event_anonymised");
            browser.screenshot("audit-retention");
            assertFalse(browser.findAll("tr[data-action='retention.event_anonymised']").isEmpty());
        }
    }

    private static String registered(Browser browser) {
        return browser.find("li[data-event] strong").getText();
    }

    private static Path downloaded(Path dir) {
        if (!Files.isDirectory(dir)) {
            return null;
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.toString().endsWith(".zip")).findFirst().orElse(null);
        } catch (IOException e) {
            return null;
        }
    }

    private static Map<String, String> unzip(byte[] zip) throws IOException {
        Map<String, String> out = new HashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            ZipEntry e;
            while ((e = in.getNextEntry()) != null) {
                out.put(e.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return out;
    }

    private static String firstEdition(String list) {
        Matcher m = Pattern.compile("\"slug\":\"([^\"]+)\",\"title\":\"[^\"]*\",\"kind\":\"CONFERENCE_EDITION\"").matcher(list);
        assertTrue(m.find(), "a conference edition in the demo data: " + list);
        return m.group(1);
    }

    private String get(String path) {
        return send(service.url(path), "application/json").body();
    }

    private int status(String url) {
        return send(url, "*/*").statusCode();
    }

    private static HttpResponse<String> send(String url, String accept) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
                    .header("Accept", accept).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
