package fr.cuf.rencontres.api;

import io.micronaut.openapi.annotation.OpenAPIExclude;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Contact;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The OpenAPI document of the JSON API, generated at compile time into
 * {@code META-INF/swagger/rencontres-0.1.0.yml} and served at {@code /openapi/rencontres-0.1.0.yml}.
 * The HTML faces are left out: they are pages, not an API.
 */
@OpenAPIDefinition(
        info = @Info(
                title = "rencontres",
                version = "0.1.0",
                description = """
                        JSON API of Cités Unies France's events service: the public programme (conference \
                        editions, group meetings and their sessions), the country and thematic groups, and, for \
                        staff only, the organisations with their membership years. Times are ISO-8601 with the \
                        Europe/Paris offset. Errors are JSON objects {code, message, field, errors[]} whose \
                        messages follow Accept-Language (French by default, English on request).""",
                contact = @Contact(name = "Cités Unies France")),
        tags = {
                @Tag(name = "events", description = "Public events and their programme"),
                @Tag(name = "groups", description = "Country groups and thematic groups"),
                @Tag(name = "organisations", description = "Organisations and their membership (staff only)")
        })
@SecurityScheme(name = ApiDocumentation.BEARER, type = SecuritySchemeType.HTTP, scheme = "bearer",
        bearerFormat = "rct_…",
        description = """
                A named API token of a staff account (Authorization: Bearer rct_…), created and revoked on the \
                back office's "My account" page (/staff/me), shown once. It acts with the account's roles at each \
                call. HTTP Basic (a user name and password) is refused with 401 basic_auth_not_accepted.""")
@OpenAPIExclude(packages = {"fr.cuf.rencontres.web", "fr.cuf.rencontres.web.site", "fr.cuf.rencontres.web.staff"})
final class ApiDocumentation {

    static final String BEARER = "bearerAuth";

    private ApiDocumentation() {
    }
}
