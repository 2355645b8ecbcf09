package fr.cuf.rencontres.journey;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.PDEmbeddedFilesNameTreeNode;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The registration desk's back office (issue 17), signed in as {@code desk} on the packaged jar with the demo data:
 * imports that never duplicate an organisation (the demo member list twice, then a list with a type the service
 * does not know, mapped in the preview), then an invoice for an organisation's three pending registrations with
 * its Chorus Pro service code and purchase order, frozen against a later edit of the organisation, a credit note
 * when a registrant cancels, and a transfer that pays the rest. Screenshots in target/journeys/backoffice/.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BackOfficeJourneyIT {

    private static final Pattern EDITION = Pattern.compile(
            "\"slug\"\\s*:\\s*\"([^\"]+)\"[^{}]*?\"kind\"\\s*:\\s*\"CONFERENCE_EDITION\"");
    /** A SIREN with a valid checksum that no demo organisation holds. */
    private static final String NEW_SIREN = "219000007";
    private static final String NEW_TOWN = "Ville de Saint-Essai-sur-Loire";

    private PackagedService service;
    private Browser desk;
    private long organisationId;
    private final List<String> personalLinks = new ArrayList<>();
    private String invoicePath;
    private byte[] firstPdf;

    @BeforeAll
    void start() {
        Journeys.assumeBrowser();
        service = PackagedService.start("backoffice", null);
        desk = new Browser("backoffice", service);
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

    /**
     * Waits for a text on a page the import script writes with {@code document.write}: the body may be replaced while
     * it is read (a stale element), which only means "not yet".
     */
    private void waitForWrittenPage(String text) {
        desk.waitFor(() -> {
            try {
                return desk.text().contains(text);
            } catch (org.openqa.selenium.StaleElementReferenceException replaced) {
                return false;
            }
        });
        desk.waitForText(text);
    }

    /** Uploads a file on the import page and waits for its preview. */
    private void upload(Path file, String step) {
        desk.open("/staff/imports");
        desk.find("#file").sendKeys(file.toAbsolutePath().toString());
        desk.screenshot(step + "-upload");
        desk.find("form[enctype='multipart/form-data'] button[type=submit]").click();
        waitForWrittenPage("Aperçu de l'import");
    }

    /** Commits the previewed file and waits for its report. */
    private String commit(String step) {
        desk.find("form[action$='/commit'] button[type=submit]").click();
        waitForWrittenPage("Rapport d'import");
        desk.screenshot(step + "-report");
        return desk.text();
    }

    private static int count(String page, String label) {
        Matcher m = Pattern.compile(Pattern.quote(label) + "\\s+(\\d+)").matcher(page);
        assertTrue(m.find(), label + " in:\n" + page);
        return Integer.parseInt(m.group(1));
    }

    @Test
    @Order(1)
    void the_demo_member_list_imported_twice_creates_nothing_the_second_time() {
        Path members = Path.of("src/main/resources/demo/organisations.csv");
        upload(members, "01-members");
        desk.screenshot("01-members-preview");
        String first = commit("01-members");
        upload(members, "02-members-again");
        assertEquals(0, count(desk.text(), "À créer"), desk.text());
        desk.screenshot("02-members-again-preview");
        String second = commit("02-members-again");
        assertEquals(0, count(second, "Créées"), second);
        assertEquals(count(first, "Lignes lues"), count(second, "Lignes lues"));
    }

    @Test
    @Order(2)
    void a_new_type_label_is_mapped_in_the_preview_and_creates_no_duplicate() throws IOException {
        Path file = Files.createTempFile("autorites", ".csv");
        Files.writeString(file, String.join("\n",
                "Nom;Type;Pays;SIREN;Adresse;Code postal;Ville",
                "Province de Chefchaouen;autorité locale étrangère;Maroc;;;;Chefchaouen",
                "Région Diana;Autorité locale étrangère;Madagascar;;;;Antsiranana",
                NEW_TOWN + ";Commune;FR;" + NEW_SIREN + ";1 place de la Mairie;42000;Saint-Essai") + "\n",
                StandardCharsets.UTF_8);
        upload(file, "03-new-label");
        desk.waitForText("Valeurs inconnues");
        assertTrue(desk.text().contains("autorité locale étrangère"), desk.text());
        assertEquals(2, count(desk.text(), "Refusées"), "refused until staff say what the label means");
        desk.screenshot("03-new-label-preview");
        desk.js("document.getElementById('values').scrollIntoView()");
        desk.screenshot("03-new-label-unknown-values");
        new Select(desk.find("#value-0")).selectByVisibleText("Collectivité étrangère");
        desk.find("form[method=get][action^='/staff/imports/'] button[type=submit]").click();
        desk.waitFor(() -> desk.text().contains("Aucun problème"));
        desk.screenshot("04-new-label-mapped");
        assertEquals(3, count(desk.text(), "À créer"), desk.text());
        String report = commit("04-new-label");
        assertEquals(3, count(report, "Créées"), report);

        upload(file, "05-new-label-again");
        assertEquals(0, count(desk.text(), "À créer"), "the mapping is remembered and the rows match: " + desk.text());
        assertTrue(desk.text().contains("Aucun problème"), desk.text());
        desk.screenshot("05-new-label-again-preview");

        desk.open("/staff/organisations?q=Chefchaouen");
        desk.screenshot("06-one-chefchaouen");
        assertEquals(1, desk.findAll("a[href^='/staff/organisations/']").stream()
                .filter(a -> a.getText().contains("Chefchaouen")).count(), desk.text());
        desk.open("/staff/organisations?q=" + NEW_SIREN);
        WebElement link = desk.findAll("a[href^='/staff/organisations/']").stream()
                .filter(a -> a.getText().contains("Saint-Essai")).findFirst().orElseThrow(() -> new AssertionError(desk.text()));
        Matcher id = Pattern.compile("/staff/organisations/(\\d+)").matcher(link.getAttribute("href"));
        assertTrue(id.find());
        organisationId = Long.parseLong(id.group(1));
    }

    @Test
    @Order(3)
    void an_invoice_for_three_registrations_carries_the_chorus_pro_references_and_stays_frozen() throws IOException {
        assertTrue(organisationId > 0, "the organisation of step 2");
        String slug = nextEdition();
        for (String first : List.of("Awa", "Bruno", "Chloé")) {
            personalLinks.add(register(slug, first));
        }
        desk.open(invoicesPage(slug));
        desk.screenshot("07-invoices-to-issue");
        desk.find("a[href$='/prepare/" + organisationId + "']").click();
        desk.waitForText("Préparer la facture");
        assertTrue(desk.text().contains("Awa") && desk.text().contains("Bruno") && desk.text().contains("Chloé"), desk.text());
        desk.find("#chorusServiceCode").sendKeys("SERV-FIN-42");
        desk.find("#purchaseOrder").sendKeys("EJ-2027-0815");
        desk.screenshot("08-invoice-prepared");
        desk.find("form[action$='/issue'] button[type=submit]").click();
        desk.waitFor(() -> desk.path().contains("/invoice/"));
        invoicePath = desk.path();
        desk.screenshot("09-invoice-issued");
        assertTrue(desk.text().contains("SERV-FIN-42") && desk.text().contains("EJ-2027-0815"), desk.text());
        assertTrue(desk.text().contains("Non-adhérent") || desk.text().contains("Non adhérent"),
                "the category's label, not its code: " + desk.text());

        String pdfLink = desk.find("a[href$='.pdf']").getAttribute("href");
        firstPdf = desk.download(pdfLink);
        String text = pdfText(firstPdf);
        for (String mention : List.of("Cités Unies France", "SIRET", "Facture n°", "Date d'échéance", "SERV-FIN-42",
                "EJ-2027-0815", NEW_TOWN, "1 place de la Mairie", "IBAN", "BIC", "40 €")) {
            assertTrue(text.contains(mention), mention + " in the invoice:\n" + text);
        }
        assertTrue(text.contains("TVA non applicable") || text.contains("TVA"), "the VAT mention:\n" + text);
        assertTrue(embeddedFiles(firstPdf).contains("factur-x.xml"), "Factur-X XML embedded");
        Files.write(Journeys.outputDir("backoffice").resolve("invoice.pdf"), firstPdf);

        desk.open("/staff/organisations/" + organisationId + "/edit");
        desk.find("#addressLine").clear();
        desk.find("#addressLine").sendKeys("99 avenue du Changement");
        desk.screenshot("10-organisation-edited");
        desk.find("#addressLine").submit();
        desk.waitFor(() -> !desk.path().endsWith("/edit"));
        assertArrayEquals(firstPdf, desk.download(pdfLink), "an issued invoice prints the same bytes after the edit");
    }

    @Test
    @Order(4)
    void a_cancelled_registration_gets_a_credit_note_and_a_transfer_pays_the_rest() throws IOException {
        assertNotNull(invoicePath, "the invoice of step 3");
        desk.open(invoicePath);
        String dueBefore = desk.find("#due").getText();

        desk.open(personalLinks.get(2));
        desk.waitForText("Facture");
        desk.screenshot("11-personal-page-invoice");
        WebElement own = desk.find("a[href*='/invoices/'][href$='.pdf']");
        assertArrayEquals(firstPdf, desk.download(own.getAttribute("href")), "the registrant's copy is the same invoice");
        desk.click("Oui, annuler mon inscription");
        desk.waitForText("Cette inscription est annulée");
        desk.waitFor(() -> !desk.findAll("a[href*='/credit-notes/']").isEmpty());
        desk.screenshot("12-personal-page-credit-note");

        desk.open(invoicePath);
        desk.js("document.getElementById('due').scrollIntoView()");
        desk.screenshot("13-invoice-credited");
        String dueAfter = desk.find("#due").getText();
        assertFalse(desk.findAll("a[href*='/credit-notes/']").isEmpty(), "a credit note appears: " + desk.text());
        assertTrue(euros(dueAfter) < euros(dueBefore), dueBefore + " then " + dueAfter);

        desk.find("#amountEuros").clear();
        desk.find("#amountEuros").sendKeys(dueAfter.replace("€", "").replace('\u00a0', ' ').replace(" ", "").strip());
        new Select(desk.find("#method")).selectByVisibleText("Virement");
        desk.find("#reference").sendKeys("VIR SAINT-ESSAI 0815");
        desk.screenshot("14-transfer");
        desk.find("form[action$='/payments'] button[type=submit]").click();
        desk.waitForText("VIR SAINT-ESSAI 0815");
        desk.js("document.getElementById('due').scrollIntoView()");
        desk.screenshot("15-invoice-paid");
        assertTrue(desk.text().contains("Payée"), desk.text());
        assertEquals(0, euros(desk.find("#due").getText()));

        for (int i = 0; i < 2; i++) {
            desk.open(personalLinks.get(i));
            desk.waitForText("Confirmée");
        }
        desk.screenshot("16-registration-confirmed");
        assertTrue(desk.accessibilityProblems().isEmpty(), desk.accessibilityProblems().toString());
    }

    /** The edition's invoices, as staff reach them: from the event's page in the back office. */
    private String invoicesPage(String slug) {
        desk.open("/staff/events/" + slug);
        return URI.create(desk.find("a[href^='/staff/invoices/']").getAttribute("href")).getPath();
    }

    private String nextEdition() {
        String json = new String(desk.download("/api/v1/events?when=upcoming"), StandardCharsets.UTF_8);
        Matcher m = EDITION.matcher(json);
        assertTrue(m.find(), "an upcoming edition: " + json);
        return m.group(1);
    }

    /** Registers an officer of the organisation through the public API; returns the personal link. */
    private String register(String slug, String first) {
        String body = "{\"firstName\":\"" + first + "\",\"lastName\":\"Essai\",\"email\":\"" + first.toLowerCase()
                .replace("é", "e") + ".essai@saint-essai.example.fr\",\"organisationId\":" + organisationId
                + ",\"participantType\":\"OFFICER\",\"consent\":true,\"locale\":\"fr\"}";
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create(service.url("/api/v1/events/" + slug + "/registrations")))
                    .header("Content-Type", "application/json").header("Accept", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(201, response.statusCode(), response.body());
            assertTrue(response.body().contains("PENDING_PAYMENT"), response.body());
            Matcher link = Pattern.compile("\"personalLink\"\\s*:\\s*\"([^\"]+)\"").matcher(response.body());
            assertTrue(link.find(), response.body());
            return link.group(1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static long euros(String text) {
        String digits = text.replaceAll("[^0-9,]", "");
        return digits.isEmpty() ? 0 : Math.round(Double.parseDouble(digits.replace(',', '.')) * 100);
    }

    private static String pdfText(byte[] pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
        }
    }

    private static List<String> embeddedFiles(byte[] pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PDDocumentNameDictionary names = doc.getDocumentCatalog().getNames();
            List<String> files = new ArrayList<>();
            if (names != null && names.getEmbeddedFiles() != null) {
                PDEmbeddedFilesNameTreeNode tree = names.getEmbeddedFiles();
                if (tree.getNames() != null) {
                    files.addAll(tree.getNames().keySet());
                }
                if (tree.getKids() != null) {
                    for (org.apache.pdfbox.pdmodel.common.PDNameTreeNode<
                            org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification> kid : tree.getKids()) {
                        Map<String, ?> kidNames = kid.getNames();
                        if (kidNames != null) {
                            files.addAll(kidNames.keySet());
                        }
                    }
                }
            }
            return files;
        }
    }
}
