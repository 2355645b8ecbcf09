package fr.cuf.rencontres.web.staff;

import fr.cuf.rencontres.csvio.CsvWriter;
import fr.cuf.rencontres.csvio.ExportFilter;
import fr.cuf.rencontres.csvio.Exports;
import fr.cuf.rencontres.event.Event;
import fr.cuf.rencontres.event.EventRepository;
import fr.cuf.rencontres.registration.ParticipantType;
import fr.cuf.rencontres.registration.RegistrationStatus;
import fr.cuf.rencontres.schedule.SessionRepository;
import fr.cuf.rencontres.support.DomainException;
import fr.cuf.rencontres.support.Messages;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.server.util.locale.HttpLocaleResolver;
import io.micronaut.security.annotation.Secured;
import io.micronaut.views.View;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Staff CSV exports: organisations with memberships, an event's registrations (filtered) and badges. */
@Controller("/staff/exports")
@Secured({"ADMIN", "REGISTRATION_DESK"})
class ExportPagesController {

    private final Exports exports;
    private final EventRepository events;
    private final SessionRepository sessions;
    private final HttpLocaleResolver locales;
    private final Messages messages;

    ExportPagesController(Exports exports, EventRepository events, SessionRepository sessions,
                          HttpLocaleResolver locales, Messages messages) {
        this.messages = messages;
        this.exports = exports;
        this.events = events;
        this.sessions = sessions;
        this.locales = locales;
    }

    @Get
    @Produces(MediaType.TEXT_HTML)
    @View("staff/exports")
    Map<String, Object> page() {
        return Map.of("events", events.findAllOrderByStartsAtDesc());
    }

    @Get("/events/{slug}")
    @Produces(MediaType.TEXT_HTML)
    @View("staff/export-event")
    Map<String, Object> eventPage(@PathVariable String slug, HttpRequest<?> request) {
        Locale locale = locale(request);
        Event event = events.findBySlug(slug).orElseThrow(() -> DomainException.notFound("event_not_found"));
        return Map.of("event", event, "sessions", sessions.findByEventInOrder(event.id()),
                "organisations", exports.organisationsRegistered(event.id()),
                "statuses", options(locale, "csvio.status.", List.of(RegistrationStatus.values()).stream().map(Enum::name).toList()),
                "types", options(locale, "csvio.participantType.", List.of(ParticipantType.values()).stream().map(Enum::name).toList()),
                "columns", options(locale, "csvio.column.", Exports.REGISTRATION_COLUMNS));
    }

    private List<Map<String, String>> options(Locale locale, String prefix, List<String> values) {
        return values.stream().map(v -> Map.of("value", v, "label", messages.get(locale, prefix + v))).toList();
    }

    @Get("/organisations.csv")
    @Produces("text/csv")
    HttpResponse<byte[]> organisations(@Nullable @QueryValue String format, HttpRequest<?> request) {
        CsvWriter.Dialect dialect = CsvWriter.Dialect.of(format);
        return file("organisations", dialect, exports.organisations(dialect, locale(request)));
    }

    @Get("/events/{slug}/registrations.csv")
    @Produces("text/csv")
    HttpResponse<byte[]> registrations(@PathVariable String slug, @Nullable @QueryValue String format,
                                       @Nullable @QueryValue String status, @Nullable @QueryValue String type,
                                       @Nullable @QueryValue Long organisation, @Nullable @QueryValue Long session,
                                       @Nullable @QueryValue List<String> columns, HttpRequest<?> request) {
        ExportFilter filter = new ExportFilter(
                parse(RegistrationStatus.class, "status", status), parse(ParticipantType.class, "type", type),
                organisation, session, columns);
        CsvWriter.Dialect dialect = CsvWriter.Dialect.of(format);
        return file("inscriptions-" + slug, dialect, exports.registrations(slug, filter, dialect, locale(request)));
    }

    @Get("/events/{slug}/badges.csv")
    @Produces("text/csv")
    HttpResponse<byte[]> badges(@PathVariable String slug, @Nullable @QueryValue String format, HttpRequest<?> request) {
        CsvWriter.Dialect dialect = CsvWriter.Dialect.of(format);
        return file("badges-" + slug, dialect, exports.badges(slug, dialect, locale(request)));
    }

    /** A CSV file, or the .xlsx one for {@code format=xlsx}. */
    private static HttpResponse<byte[]> file(String base, CsvWriter.Dialect dialect, byte[] body) {
        return HttpResponse.ok(body).contentType(dialect.contentType())
                .header("Content-Disposition", "attachment; filename=\"" + dialect.fileName(base) + "\"");
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid(field, "invalid_value");
        }
    }

    private Locale locale(HttpRequest<?> request) {
        return locales.resolveOrDefault(request);
    }
}
