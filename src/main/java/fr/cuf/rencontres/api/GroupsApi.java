package fr.cuf.rencontres.api;

import fr.cuf.rencontres.http.ApiError;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.util.List;

/** Country groups and thematic groups with their chairs. */
@Controller("/api/v1/groups")
@Secured(SecurityRule.IS_ANONYMOUS)
@Tag(name = "groups")
class GroupsApi {

    private final PublicViews views;

    GroupsApi(PublicViews views) {
        this.views = views;
    }

    @Get
    @Operation(operationId = "listGroups", summary = "Every group, by name, with its pole, kind and chair")
    List<GroupJson> list() {
        return views.groups();
    }

    @Get("/{slug}")
    @Operation(operationId = "getGroup", summary = "One group with its description and its public meetings")
    @ApiResponse(responseCode = "200", description = "The group")
    @ApiResponse(responseCode = "404", description = "Unknown group (code group_not_found)",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    GroupDetailJson show(@PathVariable String slug) {
        return views.group(slug);
    }
}
