package fr.cuf.rencontres.web.staff;

import fr.cuf.rencontres.event.EventService;
import fr.cuf.rencontres.member.Person;
import fr.cuf.rencontres.schedule.Conflict;
import fr.cuf.rencontres.schedule.ConflictTexts;
import fr.cuf.rencontres.schedule.Session;
import fr.cuf.rencontres.schedule.SessionView;
import fr.cuf.rencontres.schedule.Timetable;
import fr.cuf.rencontres.schedule.TimetableService;
import fr.cuf.rencontres.support.Messages;
import fr.cuf.rencontres.support.Times;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.server.util.locale.HttpLocaleResolver;
import io.micronaut.security.annotation.Secured;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The work-in-progress grid as a spreadsheet (CSV, UTF-8 with BOM and ";" so that a French Excel opens it
 * as columns): one row per session, placed ones in day, time and room order, then the ones to place.
 */
@Controller("/staff/events/{slug}/timetable/grid.csv")
@Secured({"ADMIN", "PROGRAMME"})
class TimetableExportController {

    private final EventService events;
    private final TimetableService timetables;
    private final ConflictTexts texts;
    private final Messages messages;
    private final HttpLocaleResolver locales;

    TimetableExportController(EventService events, TimetableService timetables, ConflictTexts texts, Messages messages,
                              HttpLocaleResolver locales) {
        this.events = events;
        this.timetables = timetables;
        this.texts = texts;
        this.messages = messages;
        this.locales = locales;
    }

    @Get(produces = "text/csv;charset=utf-8")
    HttpResponse<String> csv(HttpRequest<?> request, @PathVariable String slug) {
        Locale locale = locales.resolveOrDefault(request);
        Timetable t = timetables.of(events.bySlug(slug));
        StringWriter out = new StringWriter();
        out.write('\uFEFF');
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setDelimiter(';').get())) {
            csv.printRecord(Stream.of("day", "start", "end", "room", "seats", "title", "kind", "chair", "speakers",
                    "registered", "waiting", "warnings").map(k -> messages.get(locale, "gridCsv." + k)).toList());
            for (SessionView v : Stream.concat(t.placed().stream(), t.unscheduled().stream()).toList()) {
                Session s = v.session();
                csv.printRecord(
                        s.isScheduled() ? Times.paris(s.startsAt()).toLocalDate().toString() : "",
                        s.isScheduled() ? Times.paris(s.startsAt()).toLocalTime().toString() : "",
                        s.isScheduled() ? Times.paris(s.endsAt()).toLocalTime().toString() : "",
                        v.room() == null ? "" : v.room().name(), v.room() == null ? "" : v.room().capacity(),
                        s.title(), messages.get(locale, "enum.SessionKind." + s.kind().name()),
                        v.chair() == null ? "" : name(v.chair()),
                        v.speakers().stream().map(TimetableExportController::name).collect(Collectors.joining(", ")),
                        t.taken(s.id()), t.waiting(s.id()), warnings(t.conflictsOf(s.id()), locale));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return HttpResponse.ok(out.toString())
                .header("Content-Disposition", "attachment; filename=\"grille-" + slug + ".csv\"");
    }

    private String warnings(List<Conflict> conflicts, Locale locale) {
        return conflicts.stream().map(c -> texts.text(c, locale)).collect(Collectors.joining(" | "));
    }

    private static String name(Person p) {
        return p.firstName() + " " + p.lastName();
    }
}
