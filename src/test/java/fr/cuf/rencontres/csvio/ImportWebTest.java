package fr.cuf.rencontres.csvio;

import fr.cuf.rencontres.support.TestTokens;
import fr.cuf.rencontres.member.OrganisationRepository;
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
import io.micronaut.http.client.multipart.MultipartBody;
import io.micronaut.http.cookie.Cookie;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DatabaseTest
@Property(name = "rencontres.clock.fixed", value = "2026-05-01T10:00:00+02:00")
@Property(name = "micronaut.http.client.follow-redirects", value = "false")
class ImportWebTest {

    static final byte[] GOOD = CsvFiles.windows1252(
            "Nom;SIREN;Pays;Adhésion",
            "Communauté d'agglomération du Pays Nord Martinique;249720061;France;2026",
            "Ville de Poitiers;218619450;FR;oui");
    static final byte[] ONE_BAD = CsvFiles.utf8(
            "Nom,SIREN,Pays",
            "Ville de Poitiers,218619450,FR",
            "Ville de Rennes,213523880,FR");

    @Inject @Client("/") HttpClient client;

    @Inject TestTokens apiTokens;
    @Inject Fixtures fixtures;
    @Inject DataSource dataSource;
    @Inject OrganisationRepository organisations;

    @BeforeEach
    void clean() {
        TestDatabase.clean(dataSource);
        fixtures.staff("desk", Role.REGISTRATION_DESK);
        fixtures.staff("scanner", Role.SCANNER);
    }

    private HttpResponse<Map> api(String query, byte[] body, String user) {
        return client.toBlocking().exchange(HttpRequest.POST("/api/v1/imports/organisations" + query, body)
                .contentType("text/csv").bearerAuth(apiTokens.of(user)).header("Accept-Language", "en"), Map.class);
    }

    @Test
    @SuppressWarnings("unchecked")
    void api_dry_run_reports_problems_by_line_and_writes_nothing() {
        HttpResponse<Map> response = api("?dryRun=true", ONE_BAD, "desk");
        assertEquals(HttpStatus.OK, response.getStatus());
        Map<String, Object> body = response.body();
        assertEquals(false, body.get("committed"));
        List<Map<String, Object>> problems = (List<Map<String, Object>>) body.get("problems");
        assertEquals(1, problems.size());
        assertEquals(3, problems.get(0).get("line"));
        assertEquals("SIREN", problems.get(0).get("column"));
        assertEquals("invalid_siren", problems.get(0).get("code"));
        assertTrue(((String) problems.get(0).get("message")).contains("SIREN"));
        assertEquals(1, ((Map<String, Object>) body.get("counts")).get("created"));
        assertEquals(0, organisations.count());
    }

    @Test
    @SuppressWarnings("unchecked")
    void api_commit_refuses_a_file_with_a_bad_row_then_imports_a_good_one() {
        HttpClientResponseException refused = assertThrows(HttpClientResponseException.class,
                () -> api("?dryRun=false", ONE_BAD, "desk"));
        assertEquals(HttpStatus.UNPROCESSABLE_ENTITY, refused.getStatus());
        assertEquals(0, organisations.count());
        HttpResponse<Map> response = api("?dryRun=false", GOOD, "desk");
        assertEquals(true, response.body().get("committed"));
        assertEquals(2, ((Map<String, Object>) response.body().get("counts")).get("created"));
        assertEquals(2, organisations.count());
    }

    @Test
    void api_accepts_a_column_mapping_for_unknown_headers() {
        byte[] file = CsvFiles.utf8("Collectivité adhérente;N° d'identification;Pays", "Ville de Poitiers;218619450;FR");
        HttpResponse<Map> response = api("?dryRun=false&map=" + java.net.URLEncoder.encode("N° d'identification=siren",
                java.nio.charset.StandardCharsets.UTF_8) + "&map=Collectivit%C3%A9%20adh%C3%A9rente%3Dname", file, "desk");
        assertEquals(true, response.body().get("committed"), response.body().toString());
        assertTrue(organisations.findBySiren("218619450").isPresent());
    }

    @Test
    void scanner_is_refused_on_the_api_and_the_pages() {
        HttpClientResponseException api = assertThrows(HttpClientResponseException.class,
                () -> api("?dryRun=true", GOOD, "scanner"));
        assertEquals(HttpStatus.FORBIDDEN, api.getStatus());
        HttpClientResponseException page = assertThrows(HttpClientResponseException.class,
                () -> client.toBlocking().exchange(HttpRequest.GET("/staff/exports/organisations.csv")
                        .bearerAuth(apiTokens.of("scanner"))));
        assertEquals(HttpStatus.FORBIDDEN, page.getStatus());
        HttpClientResponseException anonymous = assertThrows(HttpClientResponseException.class,
                () -> client.toBlocking().exchange(HttpRequest.POST("/api/v1/imports/organisations", GOOD).contentType("text/csv")));
        assertEquals(HttpStatus.UNAUTHORIZED, anonymous.getStatus());
        assertEquals(0, organisations.count());
    }

    @Test
    void staff_upload_preview_commit_and_report() {
        HttpResponse<String> form = client.toBlocking().exchange(HttpRequest.GET("/staff/imports")
                .bearerAuth(apiTokens.of("desk")).accept(MediaType.TEXT_HTML), String.class);
        String csrf = csrf(form.body());
        Cookie cookie = Cookie.of("rencontres_csrf", form.getCookie("rencontres_csrf").orElseThrow().getValue());
        MultipartBody upload = MultipartBody.builder().addPart("csrfToken", csrf).addPart("kind", "organisations")
                .addPart("event", "").addPart("file", "membres.csv", MediaType.of("text/csv"), ONE_BAD).build();
        HttpResponse<String> uploaded = client.toBlocking().exchange(HttpRequest.POST("/staff/imports?csrfToken=" + csrf, upload)
                .contentType(MediaType.MULTIPART_FORM_DATA).bearerAuth(apiTokens.of("desk")).cookie(cookie), String.class);
        assertEquals(HttpStatus.SEE_OTHER, uploaded.getStatus());
        String location = uploaded.header("Location");

        String preview = client.toBlocking().retrieve(HttpRequest.GET(location).bearerAuth(apiTokens.of("desk"))
                .accept(MediaType.TEXT_HTML));
        assertTrue(preview.contains("invalid_siren"), preview);
        assertTrue(preview.contains("<td>3</td>"));

        String refused = client.toBlocking().retrieve(HttpRequest.POST(location + "/commit",
                        "csrfToken=" + csrf + "&map=Nom%3Dname&map=SIREN%3Dsiren&map=Pays%3Dcountry")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED).bearerAuth(apiTokens.of("desk")).cookie(cookie)
                .accept(MediaType.TEXT_HTML));
        assertTrue(refused.contains("Rien n'a été importé") || refused.contains("Rien n&#x27;a été importé"), refused);
        assertFalse(refused.contains("Créées"), "nothing was created: the counts say what the import would do");
        assertTrue(refused.contains("À créer"), refused);
        assertEquals(0, organisations.count());

        HttpResponse<String> committed = client.toBlocking().exchange(HttpRequest.POST(location + "/commit",
                        "csrfToken=" + csrf + "&map=Nom%3Dname&map=SIREN%3Dsiren&map=Pays%3Dcountry&validOnly=on")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED).bearerAuth(apiTokens.of("desk")).cookie(cookie), String.class);
        assertEquals(HttpStatus.SEE_OTHER, committed.getStatus());
        assertEquals(1, organisations.count());
        String report = client.toBlocking().retrieve(HttpRequest.GET(location + "/report").bearerAuth(apiTokens.of("desk"))
                .accept(MediaType.TEXT_HTML));
        assertTrue(report.contains("Ignorées"), report);

        byte[] rejected = client.toBlocking().retrieve(HttpRequest.GET(location + "/rejected.csv")
                .bearerAuth(apiTokens.of("desk")), byte[].class);
        CsvTable table = CsvReader.read(rejected);
        assertEquals(List.of("Nom", "SIREN", "Pays", "Ligne", "Motifs du rejet"), table.headers());
        assertEquals(1, table.rows().size());
        assertEquals("Ville de Rennes", table.rows().get(0).cell(0));
        assertEquals("3", table.rows().get(0).cell(3));
        assertTrue(table.rows().get(0).cell(4).startsWith("SIREN : Numéro SIREN invalide"), table.rows().get(0).cell(4));

        HttpClientResponseException twice = assertThrows(HttpClientResponseException.class, () -> client.toBlocking()
                .exchange(HttpRequest.POST(location + "/commit", "csrfToken=" + csrf + "&validOnly=on")
                        .contentType(MediaType.APPLICATION_FORM_URLENCODED).bearerAuth(apiTokens.of("desk")).cookie(cookie)));
        assertEquals(HttpStatus.CONFLICT, twice.getStatus());
    }

    private HttpResponse<String> upload(byte[] file) {
        return upload(file, "fr");
    }

    private HttpResponse<String> upload(byte[] file, String language) {
        HttpResponse<String> form = client.toBlocking().exchange(HttpRequest.GET("/staff/imports")
                .bearerAuth(apiTokens.of("desk")).accept(MediaType.TEXT_HTML), String.class);
        String csrf = csrf(form.body());
        Cookie cookie = Cookie.of("rencontres_csrf", form.getCookie("rencontres_csrf").orElseThrow().getValue());
        MultipartBody body = MultipartBody.builder().addPart("csrfToken", csrf).addPart("kind", "organisations")
                .addPart("event", "").addPart("file", "membres.csv", MediaType.of("text/csv"), file).build();
        return client.toBlocking().exchange(HttpRequest.POST("/staff/imports?csrfToken=" + csrf, body)
                .contentType(MediaType.MULTIPART_FORM_DATA).bearerAuth(apiTokens.of("desk")).cookie(cookie)
                .accept(MediaType.TEXT_HTML).header("Accept-Language", language), String.class);
    }

    private static byte[] sized(int bytes) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(bytes + 200);
        out.writeBytes("Nom;SIREN;Pays\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        int i = 0;
        while (out.size() < bytes) {
            out.writeBytes(("Association des amis du jumelage numéro " + i++ + ";;FR\n")
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }

    @Test
    void the_staff_page_takes_a_five_megabyte_list_and_answers_an_oversized_one_in_the_page() {
        assertEquals(HttpStatus.SEE_OTHER, upload(sized(5 * 1024 * 1024)).getStatus());
        for (String language : List.of("fr", "en")) {
            HttpClientResponseException tooLarge = assertThrows(HttpClientResponseException.class,
                    () -> upload(sized(21 * 1024 * 1024), language));
            assertEquals(HttpStatus.REQUEST_ENTITY_TOO_LARGE, tooLarge.getStatus());
            String page = tooLarge.getResponse().getBody(String.class).orElse("");
            assertTrue(page.contains(language.equals("fr") ? "dépasse 20 Mo" : "larger than 20 MB"), page);
        }
        String form = client.toBlocking().retrieve(HttpRequest.GET("/staff/imports?refused=file_too_large")
                .bearerAuth(apiTokens.of("desk")).accept(MediaType.TEXT_HTML));
        assertTrue(form.contains("dépasse 20 Mo") && form.contains("id=\"file-error\""), form);
        assertTrue(form.contains("data-max-bytes=\"20971520\""), "the page checks the size before sending");
    }

    @Test
    void a_header_only_file_is_refused_beside_the_file_field_and_on_the_api_with_a_code() {
        HttpClientResponseException page = assertThrows(HttpClientResponseException.class,
                () -> upload(CsvFiles.utf8("Nom;SIREN;Pays")));
        assertEquals(HttpStatus.UNPROCESSABLE_ENTITY, page.getStatus());
        assertTrue(page.getResponse().getBody(String.class).orElse("").contains("data-code=\"header_only_csv\""));
        HttpClientResponseException api = assertThrows(HttpClientResponseException.class,
                () -> api("?dryRun=true", CsvFiles.utf8("Nom;SIREN;Pays"), "desk"));
        assertEquals("header_only_csv", api.getResponse().getBody(Map.class).orElseThrow().get("code"));
        HttpClientResponseException empty = assertThrows(HttpClientResponseException.class,
                () -> api("?dryRun=true", new byte[0], "desk"));
        Object code = empty.getResponse().getBody(Map.class).orElseThrow().get("code");
        assertTrue("empty_csv".equals(code) || "body_required".equals(code), String.valueOf(code));
    }

    @Test
    void upload_without_the_csrf_token_is_refused() {
        MultipartBody upload = MultipartBody.builder().addPart("kind", "organisations")
                .addPart("file", "membres.csv", MediaType.of("text/csv"), GOOD).build();
        HttpClientResponseException e = assertThrows(HttpClientResponseException.class, () -> client.toBlocking()
                .exchange(HttpRequest.POST("/staff/imports", upload).contentType(MediaType.MULTIPART_FORM_DATA)
                        .bearerAuth(apiTokens.of("desk"))));
        assertEquals(HttpStatus.FORBIDDEN, e.getStatus());
        assertFalse(organisations.count() > 0);
    }

    private static String csrf(String html) {
        Matcher m = Pattern.compile("name=\"csrfToken\" value=\"([^\"]+)\"").matcher(html);
        assertTrue(m.find(), "csrf field");
        return m.group(1);
    }
}
