package fr.cuf.rencontres.invoice;

import fr.cuf.rencontres.support.TestTokens;
import fr.cuf.rencontres.csvio.CsvReader;
import fr.cuf.rencontres.csvio.CsvTable;
import fr.cuf.rencontres.event.Event;
import fr.cuf.rencontres.event.EventStatus;
import fr.cuf.rencontres.member.Organisation;
import fr.cuf.rencontres.registration.CategoryForm;
import fr.cuf.rencontres.registration.ParticipantType;
import fr.cuf.rencontres.registration.PriceRule;
import fr.cuf.rencontres.registration.RegistrationDesk;
import fr.cuf.rencontres.registration.RegistrationRepository;
import fr.cuf.rencontres.registration.RegistrationRequest;
import fr.cuf.rencontres.registration.RegistrationService;
import fr.cuf.rencontres.registration.RegistrationStatus;
import fr.cuf.rencontres.registration.Submission;
import fr.cuf.rencontres.staff.Role;
import fr.cuf.rencontres.support.DatabaseTest;
import fr.cuf.rencontres.support.Fixtures;
import fr.cuf.rencontres.support.TestDatabase;
import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.http.cookie.Cookie;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DatabaseTest
@Property(name = "rencontres.clock.fixed", value = "2026-05-01T10:00:00+02:00")
@Property(name = "micronaut.http.client.follow-redirects", value = "false")
class InvoiceWebTest {

    @Inject @Client("/") HttpClient client;

    @Inject TestTokens apiTokens;
    @Inject Fixtures fixtures;
    @Inject DataSource dataSource;
    @Inject RegistrationService registrations;
    @Inject RegistrationRepository registrationRepository;
    @Inject RegistrationDesk desk;

    Event conference;
    Organisation dijon;
    long registrationId;

    @BeforeEach
    void data() {
        TestDatabase.clean(dataSource);
        fixtures.staff("desk", Role.REGISTRATION_DESK);
        fixtures.staff("scanner", Role.SCANNER);
        dijon = fixtures.dijon();
        conference = fixtures.conference(fixtures.artsEtMetiers(), EventStatus.PUBLISHED);
        desk.addCategory(conference.id(), new CategoryForm("adherent", "Adhérent", "Member", PriceRule.MEMBER, "80", 1), "test");
        registrationId = registrations.register(conference.slug(), RegistrationRequest.builder()
                .name("Nathalie", "Koenders").email("n.koenders@example.fr").organisationId(dijon.id())
                .participantType(ParticipantType.ELECTED_OFFICIAL).consent(true).locale("fr").build(), Submission.desk("test", false)).id();
    }

    private static String pdfText(byte[] pdf) {
        try (var document = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            return new org.apache.pdfbox.text.PDFTextStripper().getText(document);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private String get(String path) {
        return client.toBlocking().retrieve(HttpRequest.GET(path).bearerAuth(apiTokens.of("desk")).accept(MediaType.TEXT_HTML));
    }

    @Test
    void staff_issue_an_invoice_record_its_payment_print_it_and_export_it() {
        String base = "/staff/invoices/" + conference.id();
        HttpResponse<String> page = client.toBlocking().exchange(HttpRequest.GET(base).bearerAuth(apiTokens.of("desk"))
                .accept(MediaType.TEXT_HTML), String.class);
        assertTrue(page.body().contains("/prepare/" + dijon.id()), page.body());
        assertTrue(get(base + "/prepare/" + dijon.id()).contains("80,00 €"));
        String csrf = csrf(page.body());
        Cookie cookie = Cookie.of("rencontres_csrf", page.getCookie("rencontres_csrf").orElseThrow().getValue());

        HttpResponse<String> issued = client.toBlocking().exchange(HttpRequest.POST(base + "/issue",
                        "csrfToken=" + csrf + "&organisationId=" + dijon.id()).contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .bearerAuth(apiTokens.of("desk")).cookie(cookie), String.class);
        assertEquals(HttpStatus.SEE_OTHER, issued.getStatus());
        String list = get(base);
        assertTrue(list.contains("CUF-2026-0001"), list);
        Matcher invoice = Pattern.compile("/staff/invoices/\\d+/invoice/(\\d+)").matcher(issued.header("Location"));
        assertTrue(invoice.find());
        String invoiceId = invoice.group(1);
        assertTrue(get(base + "/invoice/" + invoiceId).contains("80,00 €"));

        HttpClientResponseException over = assertThrows(HttpClientResponseException.class, () -> client.toBlocking()
                .exchange(HttpRequest.POST(base + "/invoice/" + invoiceId + "/payments", "csrfToken=" + csrf
                                + "&paidOn=2026-05-01&amountEuros=90&method=TRANSFER").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .bearerAuth(apiTokens.of("desk")).cookie(cookie).accept(MediaType.TEXT_HTML), String.class));
        assertEquals(HttpStatus.UNPROCESSABLE_ENTITY, over.getStatus());
        assertTrue(over.getResponse().getBody(String.class).orElse("").contains("overpayment"));

        HttpResponse<String> paid = client.toBlocking().exchange(HttpRequest.POST(base + "/invoice/" + invoiceId + "/payments",
                        "csrfToken=" + csrf + "&paidOn=2026-05-01&amountEuros=80&method=ADMINISTRATIVE_MANDATE&reference=M42")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED).bearerAuth(apiTokens.of("desk")).cookie(cookie), String.class);
        assertEquals(HttpStatus.SEE_OTHER, paid.getStatus());
        assertEquals(RegistrationStatus.CONFIRMED, registrationRepository.findById(registrationId).orElseThrow().status());
        Map<?, ?> json = client.toBlocking().retrieve(HttpRequest.GET("/api/v1/registrations/" + registrationId)
                .bearerAuth(apiTokens.of("desk")), Map.class);
        assertEquals("CONFIRMED", json.get("status"));
        assertEquals("CUF-2026-0001", json.get("invoiceNumber"), "the API gives the invoice of a paid registration");

        byte[] pdf = client.toBlocking().retrieve(HttpRequest.GET(base + "/" + invoiceId + ".pdf")
                .bearerAuth(apiTokens.of("desk")), byte[].class);
        assertEquals("%PDF", new String(pdf, 0, 4, StandardCharsets.US_ASCII));
        String text = pdfText(pdf).replaceAll("\\s+", " ");
        assertTrue(text.contains("Nathalie Koenders"), "each line names the registrant: " + text);
        assertTrue(text.contains("en rappelant le numéro de facture."), "long sentences wrap, never cut: " + text);
        assertTrue(!text.contains("Paiements reçus") && !text.contains("Reste"), "payments are not on the invoice: " + text);
        assertTrue(text.matches("(?s).*Date : \\d{2}/\\d{2}/\\d{4}.*"), "a French date: " + text);

        byte[] csv = client.toBlocking().retrieve(HttpRequest.GET("/api/v1/events/" + conference.slug() + "/payments.csv")
                .bearerAuth(apiTokens.of("desk")), byte[].class);
        CsvTable payments = CsvReader.read(csv);
        assertEquals(List.of("CUF-2026-0001", "Ville de Dijon", "01/05/2026", "80,00", "Mandat administratif", "M42", "desk"),
                payments.rows().get(0).cells());
        CsvTable invoices = CsvReader.read(client.toBlocking().retrieve(HttpRequest.GET("/api/v1/events/" + conference.slug()
                + "/invoices.csv?format=comma").bearerAuth(apiTokens.of("desk")), byte[].class));
        assertEquals("Payée", invoices.rows().get(0).cells().get(9));
    }

    @Test
    void scanners_cannot_see_invoices() {
        HttpClientResponseException refused = assertThrows(HttpClientResponseException.class, () -> client.toBlocking()
                .exchange(HttpRequest.GET("/api/v1/events/" + conference.slug() + "/invoices.csv")
                        .bearerAuth(apiTokens.of("scanner")), byte[].class));
        assertEquals(HttpStatus.FORBIDDEN, refused.getStatus());
    }

    private static String csrf(String html) {
        Matcher m = Pattern.compile("name=\"csrfToken\" value=\"([^\"]+)\"").matcher(html);
        assertTrue(m.find(), "csrf field");
        return m.group(1);
    }
}
