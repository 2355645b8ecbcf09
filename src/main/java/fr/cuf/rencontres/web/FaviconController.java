package fr.cuf.rencontres.web;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;

import java.net.URI;

/** Browsers ask for /favicon.ico on pages that name no icon (a feed, a PDF, the health check): the site's icon. */
@Controller
@Secured(SecurityRule.IS_ANONYMOUS)
class FaviconController {

    @Get("/favicon.ico")
    HttpResponse<?> favicon() {
        return HttpResponse.status(io.micronaut.http.HttpStatus.MOVED_PERMANENTLY)
                .headers(h -> h.location(URI.create("/assets/favicon.svg")));
    }
}
