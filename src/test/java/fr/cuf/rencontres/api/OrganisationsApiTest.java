package fr.cuf.rencontres.api;

import fr.cuf.rencontres.http.ApiError;
import fr.cuf.rencontres.support.TestTokens;
import fr.cuf.rencontres.member.Organisation;
import fr.cuf.rencontres.member.OrganisationForm;
import fr.cuf.rencontres.member.OrganisationKind;
import fr.cuf.rencontres.member.OrganisationService;
import fr.cuf.rencontres.staff.Role;
import fr.cuf.rencontres.support.DatabaseTest;
import fr.cuf.rencontres.support.Fixtures;
import fr.cuf.rencontres.support.TestDatabase;
import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DatabaseTest
@Property(name = "rencontres.clock.fixed", value = "2026-05-01T10:00:00+02:00")
class OrganisationsApiTest {

    @Inject @Client("/") HttpClient client;

    @Inject TestTokens apiTokens;
    @Inject DataSource dataSource;
    @Inject Fixtures fixtures;
    @Inject OrganisationService organisations;

    Organisation dijon;
    Organisation embassy;

    @BeforeEach
    void load() {
        TestDatabase.clean(dataSource);
        fixtures.staff("scanner1", Role.SCANNER);
        dijon = fixtures.dijon();
        organisations.addMembership(dijon.id(), 2025, "test");
        embassy = organisations.create(new OrganisationForm("Ambassade du Japon en France", OrganisationKind.EMBASSY,
                "JP", null, null, "7 avenue Hoche", "75008", "Paris"), "test");
        for (int i = 1; i <= 3; i++) {
            organisations.create(new OrganisationForm("Commune de Test " + i, OrganisationKind.ASSOCIATION, "FR",
                    null, null, null, null, "Lyon"), "test");
        }
    }

    private MutableHttpRequest<?> asStaff(String uri) {
        return HttpRequest.GET(uri).bearerAuth(apiTokens.of("scanner1"));
    }

    private OrganisationPageJson page(String query) {
        return client.toBlocking().retrieve(asStaff("/api/v1/organisations" + query), OrganisationPageJson.class);
    }

    private HttpClientResponseException refused(HttpRequest<?> request) {
        return assertThrows(HttpClientResponseException.class, () -> client.toBlocking().exchange(request, String.class));
    }

    @Test
    void anonymous_callers_get_a_json_401_with_a_bearer_challenge() {
        HttpClientResponseException e = refused(HttpRequest.GET("/api/v1/organisations"));
        assertEquals(HttpStatus.UNAUTHORIZED, e.getStatus());
        assertTrue(e.getResponse().getHeaders().get(HttpHeaders.WWW_AUTHENTICATE).startsWith("Bearer"));
        ApiError error = e.getResponse().getBody(ApiError.class).orElseThrow();
        assertEquals("unauthorized", error.code());
        assertTrue(error.message().startsWith("Identification requise"), error.message());
    }

    @Test
    void a_browser_asking_for_html_still_gets_json_on_the_api() {
        HttpClientResponseException e = refused(HttpRequest.GET("/api/v1/organisations/" + dijon.id())
                .header(HttpHeaders.ACCEPT, "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8").header("Accept-Language", "en"));
        assertEquals(HttpStatus.UNAUTHORIZED, e.getStatus());
        assertEquals("Authentication required: send an API token of a staff account (Authorization: Bearer rct_…), created on the \"My account\" page (/staff/me).",
                e.getResponse().getBody(ApiError.class).orElseThrow().message());
    }

    @Test
    void a_password_is_refused_even_the_right_one() {
        HttpClientResponseException e = refused(HttpRequest.GET("/api/v1/organisations").basicAuth("scanner1", Fixtures.PASSWORD));
        assertEquals(HttpStatus.UNAUTHORIZED, e.getStatus());
        assertEquals("basic_auth_not_accepted", e.getResponse().getBody(ApiError.class).orElseThrow().code());
    }

    @Test
    void staff_list_organisations_by_name_with_siren_kind_country_and_membership_years() {
        OrganisationPageJson page = page("");
        assertEquals(5, page.total());
        assertEquals(1, page.page());
        assertEquals(20, page.size());
        assertEquals("Ambassade du Japon en France", page.items().get(0).name());
        OrganisationJson city = page.items().stream().filter(o -> o.name().equals("Ville de Dijon")).findFirst().orElseThrow();
        assertEquals("212123111", city.siren());
        assertEquals(OrganisationKind.COMMUNE, city.kind());
        assertEquals("FR", city.country());
        assertEquals(List.of(2025, 2026), city.memberYears());
        OrganisationJson japan = page.items().get(0);
        assertNull(japan.siren());
        assertEquals("JP", japan.country());
        assertEquals(List.of(), japan.memberYears());
    }

    @Test
    void search_and_paging_report_the_total() {
        OrganisationPageJson second = page("?q=commune%20de%20test&page=2&size=2");
        assertEquals(3, second.total());
        assertEquals(List.of("Commune de Test 3"), second.items().stream().map(OrganisationJson::name).toList());
        assertEquals(List.of("Ville de Dijon"), page("?q=212123111").items().stream().map(OrganisationJson::name).toList());
        assertEquals(0, page("?q=Tombouctou").total());
    }

    @Test
    void one_organisation_by_id() {
        OrganisationJson one = client.toBlocking().retrieve(asStaff("/api/v1/organisations/" + dijon.id()),
                OrganisationJson.class);
        assertEquals("Ville de Dijon", one.name());
        assertEquals("21231", one.inseeCode());
        assertEquals(List.of(2025, 2026), one.memberYears());
        HttpClientResponseException e = refused(asStaff("/api/v1/organisations/" + (embassy.id() + 1000)));
        assertEquals(HttpStatus.NOT_FOUND, e.getStatus());
        assertEquals("organisation_not_found", e.getResponse().getBody(ApiError.class).orElseThrow().code());
    }

    @Test
    void a_page_that_is_not_a_number_is_a_400_on_that_field() {
        HttpClientResponseException e = refused(asStaff("/api/v1/organisations?page=two").header("Accept-Language", "en"));
        assertEquals(HttpStatus.BAD_REQUEST, e.getStatus());
        ApiError error = e.getResponse().getBody(ApiError.class).orElseThrow();
        assertEquals("invalid_value", error.code());
        assertEquals("page", error.field());
        assertEquals("This value is not valid.", error.message());
    }

    @Test
    void out_of_range_paging_is_refused_on_its_field() {
        HttpClientResponseException zero = refused(asStaff("/api/v1/organisations?page=0"));
        assertEquals(HttpStatus.UNPROCESSABLE_ENTITY, zero.getStatus());
        assertEquals("page", zero.getResponse().getBody(ApiError.class).orElseThrow().field());
        HttpClientResponseException big = refused(asStaff("/api/v1/organisations?size=101"));
        ApiError error = big.getResponse().getBody(ApiError.class).orElseThrow();
        assertEquals("invalid_value", error.code());
        assertEquals("size", error.field());
    }
}
