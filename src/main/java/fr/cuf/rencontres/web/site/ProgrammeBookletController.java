package fr.cuf.rencontres.web.site;

import fr.cuf.rencontres.event.EventService;
import fr.cuf.rencontres.schedule.ProgrammeBooklet;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.server.util.locale.HttpLocaleResolver;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;

/** The public programme of an event as a printable PDF booklet, in the reader's language. */
@Controller("/events/{slug}/programme.pdf")
@Secured(SecurityRule.IS_ANONYMOUS)
class ProgrammeBookletController {

    private final EventService events;
    private final ProgrammeBooklet booklet;
    private final HttpLocaleResolver locales;

    ProgrammeBookletController(EventService events, ProgrammeBooklet booklet, HttpLocaleResolver locales) {
        this.events = events;
        this.booklet = booklet;
        this.locales = locales;
    }

    @Get(produces = "application/pdf")
    HttpResponse<byte[]> pdf(HttpRequest<?> request, @PathVariable String slug) {
        byte[] pdf = booklet.of(events.publicBySlug(slug), locales.resolveOrDefault(request));
        return HttpResponse.ok(pdf).header("Content-Disposition", "inline; filename=\"programme-" + slug + ".pdf\"");
    }
}
