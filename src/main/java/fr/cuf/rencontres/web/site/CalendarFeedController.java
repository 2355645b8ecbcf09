package fr.cuf.rencontres.web.site;

import fr.cuf.rencontres.support.Languages;
import fr.cuf.rencontres.calendar.AgendaFeed;
import fr.cuf.rencontres.calendar.PublicFeeds;
import fr.cuf.rencontres.event.EventFormat;
import fr.cuf.rencontres.group.Pole;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;

import java.util.Locale;

/**
 * The iCal feeds. French unless {@code ?lang=en}; {@code ?download=1} asks the browser to save the file.
 * The personal feed's address is a secret: nothing here logs request paths (no access log is configured).
 */
@Controller
@Produces("text/calendar")
@Secured(SecurityRule.IS_ANONYMOUS)
class CalendarFeedController {

    private final PublicFeeds feeds;
    private final AgendaFeed agendas;

    CalendarFeedController(PublicFeeds feeds, AgendaFeed agendas) {
        this.feeds = feeds;
        this.agendas = agendas;
    }

    @Get("/events/{slug}/programme.ics")
    HttpResponse<?> programme(@PathVariable String slug, @Nullable @QueryValue String lang,
                              @Nullable @QueryValue String download, HttpRequest<?> request) {
        return FeedResponses.of(request, feeds.programme(slug, locale(lang)), false,
                download == null ? null : "programme-" + slug + ".ics");
    }

    @Get("/groups/{slug}/meetings.ics")
    HttpResponse<?> group(@PathVariable String slug, @Nullable @QueryValue String lang,
                          @Nullable @QueryValue String download, HttpRequest<?> request) {
        return FeedResponses.of(request, feeds.group(slug, locale(lang)), false,
                download == null ? null : "reunions-" + slug + ".ics");
    }

    @Get("/calendar.ics")
    HttpResponse<?> all(@Nullable @QueryValue Pole pole, @Nullable @QueryValue EventFormat format,
                        @Nullable @QueryValue String lang, @Nullable @QueryValue String download,
                        HttpRequest<?> request) {
        return FeedResponses.of(request, feeds.all(pole, format, locale(lang)), false,
                download == null ? null : "cites-unies-france.ics");
    }

    @Get("/calendar/{token}.ics")
    HttpResponse<?> personal(@PathVariable String token, @Nullable @QueryValue String lang,
                             @Nullable @QueryValue String download, HttpRequest<?> request) {
        return FeedResponses.of(request, agendas.of(token, locale(lang)), true,
                download == null ? null : "mon-agenda.ics");
    }

    private static Locale locale(@Nullable String lang) {
        return Languages.of(lang);
    }
}
