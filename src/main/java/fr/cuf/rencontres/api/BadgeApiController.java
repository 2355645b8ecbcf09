package fr.cuf.rencontres.api;

import fr.cuf.rencontres.badge.BadgeLayout;
import fr.cuf.rencontres.badge.BadgeSelection;
import fr.cuf.rencontres.badge.BadgeService;
import fr.cuf.rencontres.registration.ParticipantType;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;

import java.security.Principal;

/**
 * Badge PDFs for the registration desk. A batch download is recorded as a print run, so that
 * {@code since=last-print} next time gives only the badges printed since (new or reissued).
 */
@Controller("/api/v1")
@Secured("REGISTRATION_DESK")
class BadgeApiController {

    private static final MediaType PDF = MediaType.of("application/pdf");

    private final BadgeService badges;

    BadgeApiController(BadgeService badges) {
        this.badges = badges;
    }

    @Get("/events/{slug}/badges.pdf")
    HttpResponse<byte[]> batch(@PathVariable String slug, @QueryValue @Nullable String type,
                               @QueryValue @Nullable String since, @QueryValue @Nullable String layout,
                               Principal staff) {
        BadgeSelection selection = new BadgeSelection(ParticipantType.ofFilter(type), "last-print".equals(since),
                BadgeLayout.parse(layout));
        BadgeService.Batch batch = badges.printBatch(slug, selection, staff.getName());
        return HttpResponse.ok(batch.pdf()).contentType(PDF)
                .header("Content-Disposition", "inline; filename=\"badges-" + slug + ".pdf\"")
                .header("X-Badge-Count", String.valueOf(batch.count()));
    }

    @Get("/registrations/{id}/badge.pdf")
    HttpResponse<byte[]> one(@PathVariable long id, @QueryValue @Nullable String layout) {
        return HttpResponse.ok(badges.pdfFor(id, BadgeLayout.parse(layout))).contentType(PDF)
                .header("Content-Disposition", "inline; filename=\"badge-" + id + ".pdf\"");
    }

}
