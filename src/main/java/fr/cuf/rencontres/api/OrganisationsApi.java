package fr.cuf.rencontres.api;

import fr.cuf.rencontres.http.ApiError;
import fr.cuf.rencontres.member.OrganisationSearch;
import fr.cuf.rencontres.staff.Role;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Organisations and their membership years: staff only (an API token or the back office's session). */
@Controller("/api/v1/organisations")
@Secured(Role.STAFF)
@Tag(name = "organisations")
@SecurityRequirement(name = ApiDocumentation.BEARER)
@ApiResponse(responseCode = "401", description = "No or wrong staff credentials (code unauthorized)",
        content = @Content(schema = @Schema(implementation = ApiError.class)))
class OrganisationsApi {

    private final OrganisationSearch search;

    OrganisationsApi(OrganisationSearch search) {
        this.search = search;
    }

    @Get
    @Operation(operationId = "listOrganisations",
            summary = "Organisations matching a name, a city or a SIREN, a page at a time, by name")
    @ApiResponse(responseCode = "200", description = "One page of organisations and the total number of matches")
    @ApiResponse(responseCode = "400", description = "page or size is not a number (code invalid_value)",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    @ApiResponse(responseCode = "422", description = "page below 1 or size outside 1-100 (code invalid_value)",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    OrganisationPageJson list(
            @Parameter(description = "Part of the name or city, or an exact SIREN") @Nullable @QueryValue String q,
            @Parameter(description = "Page number, from 1") @QueryValue(defaultValue = "1") int page,
            @Parameter(description = "Page size, 1 to 100") @QueryValue(defaultValue = "20") int size) {
        return OrganisationPageJson.of(search.search(q, page, size));
    }

    @Get("/{id}")
    @Operation(operationId = "getOrganisation", summary = "One organisation with its membership years")
    @ApiResponse(responseCode = "200", description = "The organisation")
    @ApiResponse(responseCode = "404", description = "Unknown organisation (code organisation_not_found)",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    OrganisationJson show(@PathVariable long id) {
        return OrganisationJson.of(search.get(id));
    }
}
