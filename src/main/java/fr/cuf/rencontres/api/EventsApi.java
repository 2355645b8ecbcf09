package fr.cuf.rencontres.api;

import fr.cuf.rencontres.http.ApiError;
import fr.cuf.rencontres.event.EventFilter;
import fr.cuf.rencontres.event.EventFormat;
import fr.cuf.rencontres.event.EventPeriod;
import fr.cuf.rencontres.group.Pole;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.util.List;

/** Public events: the same list as the home page, and one event with its programme. */
@Controller("/api/v1/events")
@Secured(SecurityRule.IS_ANONYMOUS)
@Tag(name = "events")
class EventsApi {

    private final PublicViews views;

    EventsApi(PublicViews views) {
        this.views = views;
    }

    @Get
    @Operation(operationId = "listEvents", summary = "Public events: upcoming (default), past or all",
            description = "Published and cancelled events; drafts never appear. when=upcoming: not over yet, soonest "
                    + "first; when=past: over, most recent first (the archive); when=all: every one, oldest first.")
    @ApiResponse(responseCode = "200", description = "The events")
    @ApiResponse(responseCode = "400", description = "A filter has an invalid value (code invalid_value)",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    List<EventJson> list(
            @Parameter(description = "Slug of a group, e.g. groupe-pays-maroc") @Nullable @QueryValue String group,
            @Parameter(description = "Pole of the event's country group") @Nullable @QueryValue Pole pole,
            @Nullable @QueryValue EventFormat format,
            @Parameter(description = "true: members only; false: open to all") @Nullable @QueryValue Boolean membersOnly,
            @Parameter(description = "Which events: upcoming (default), past or all; another value is refused (code invalid_value)",
                    schema = @Schema(type = "string", allowableValues = {"upcoming", "past", "all"}, defaultValue = "upcoming"))
            @Nullable @QueryValue EventPeriod when) {
        return views.list(when == null ? EventPeriod.UPCOMING : when,
                new EventFilter(group == null || group.isBlank() ? null : group, pole, format, membersOnly));
    }

    @Get("/{slug}")
    @Operation(operationId = "getEvent", summary = "One public event with its sessions")
    @ApiResponse(responseCode = "200", description = "The event and its programme")
    @ApiResponse(responseCode = "404", description = "Unknown or draft event (code event_not_found)",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    EventDetailJson show(@PathVariable String slug) {
        return views.event(slug);
    }
}
