package fr.cuf.rencontres.web.staff;

import fr.cuf.rencontres.event.Event;
import fr.cuf.rencontres.event.EventService;
import fr.cuf.rencontres.schedule.ScheduleConfiguration;
import fr.cuf.rencontres.schedule.SessionView;
import fr.cuf.rencontres.schedule.Timetable;
import fr.cuf.rencontres.schedule.TimetableService;
import fr.cuf.rencontres.schedule.VersionHistory;
import fr.cuf.rencontres.schedule.solver.RunLedger;
import fr.cuf.rencontres.schedule.solver.RunReport;
import fr.cuf.rencontres.schedule.solver.RunReports;
import fr.cuf.rencontres.schedule.solver.SolveRequest;
import fr.cuf.rencontres.schedule.solver.TimetableRun;
import fr.cuf.rencontres.schedule.solver.TimetableSolving;
import fr.cuf.rencontres.support.DomainException;
import fr.cuf.rencontres.support.Messages;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.server.util.locale.HttpLocaleResolver;
import io.micronaut.http.uri.UriBuilder;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.views.View;

import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Automatic timetabling from the staff pages: pick the sessions to place and a time limit, follow the run
 * (the page refreshes itself while it runs), stop it, then accept or discard its proposal. Also the list of
 * published versions with their changelogs. Refusals come back as a redirect carrying their messages
 * (post/redirect/get, like the grid's place form).
 */
@Produces(MediaType.TEXT_HTML)
@Controller("/staff/events/{slug}/timetable")
@Secured({"ADMIN", "PROGRAMME"})
class SolverRunsController {

    /** Seconds between two refreshes of a running run's page. */
    static final int REFRESH_SECONDS = 1;
    private static final int DEFAULT_LIMIT_SECONDS = 10;

    private final EventService events;
    private final TimetableService timetables;
    private final TimetableSolving solving;
    private final RunLedger ledger;
    private final RunReports reports;
    private final VersionHistory versions;
    private final ScheduleConfiguration configuration;
    private final Messages messages;
    private final HttpLocaleResolver locales;

    SolverRunsController(EventService events, TimetableService timetables, TimetableSolving solving, RunLedger ledger,
                         RunReports reports, VersionHistory versions, ScheduleConfiguration configuration,
                         Messages messages, HttpLocaleResolver locales) {
        this.events = events;
        this.timetables = timetables;
        this.solving = solving;
        this.ledger = ledger;
        this.reports = reports;
        this.versions = versions;
        this.configuration = configuration;
        this.messages = messages;
        this.locales = locales;
    }

    @View("staff/timetable-runs")
    @Get("/runs")
    Map<String, Object> runs(HttpRequest<?> request, @PathVariable String slug, @Nullable @QueryValue String refused) {
        Event event = events.bySlug(slug);
        Timetable t = timetables.of(event);
        Map<String, Object> model = new HashMap<>();
        model.put("event", event);
        model.put("sessions", Stream.concat(t.unscheduled().stream(), t.placed().stream()).map(SolverRunsController::choice).toList());
        model.put("limit", DEFAULT_LIMIT_SECONDS);
        model.put("maxLimit", configuration.getMaxSolveTime().toSeconds());
        model.put("runs", reports.recent(event.id(), 20));
        model.put("errors", FormErrors.decode(refused, messages, Messages.supported(locales.resolveOrDefault(request))));
        return model;
    }

    /** Unscheduled sessions are ticked: "place what is not placed yet" is the usual run. */
    private static Map<String, Object> choice(SessionView v) {
        Map<String, Object> c = new HashMap<>();
        c.put("id", v.session().id());
        c.put("title", v.session().title());
        c.put("kind", v.session().kind());
        c.put("startsAt", v.session().startsAt());
        c.put("room", v.room() == null ? null : v.room().name());
        c.put("checked", !v.session().isScheduled());
        return c;
    }

    @Post(value = "/runs", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> start(@PathVariable String slug, @Body SolveRequest form, Authentication user) {
        Event event = events.bySlug(slug);
        return refusedTo("/staff/events/" + slug + "/timetable/runs", () -> {
            TimetableRun run = solving.start(event, form, user.getName());
            return URI.create("/staff/events/" + slug + "/timetable/runs/" + run.id());
        });
    }

    @View("staff/timetable-run")
    @Get("/runs/{id}")
    Map<String, Object> run(HttpRequest<?> request, @PathVariable String slug, @PathVariable long id,
                            @Nullable @QueryValue String refused) {
        Event event = events.bySlug(slug);
        RunReport report = reports.of(event.id(), id);
        Map<String, Object> model = new HashMap<>();
        model.put("event", event);
        model.put("report", report);
        model.put("refresh", report.running() ? REFRESH_SECONDS : null);
        java.util.Locale locale = Messages.supported(locales.resolveOrDefault(request));
        model.put("rules", report.explanation() == null ? List.of() : report.explanation().rules().stream()
                .map(r -> Map.of("rule", r.rule(), "label", messages.get(locale, "solver.rule." + r.rule()),
                        "hard", r.hard(), "soft", r.soft(), "matchCount", r.matchCount(), "matches", r.matches()))
                .toList());
        model.put("errors", FormErrors.decode(refused, messages, Messages.supported(locales.resolveOrDefault(request))));
        return model;
    }

    @Post(value = "/runs/{id}/stop", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> stop(@PathVariable String slug, @PathVariable long id) {
        Event event = events.bySlug(slug);
        String page = "/staff/events/" + slug + "/timetable/runs/" + id;
        return refusedTo(page, () -> {
            solving.stop(event.id(), id);
            return URI.create(page);
        });
    }

    @Post(value = "/runs/{id}/accept", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> accept(@PathVariable String slug, @PathVariable long id, Authentication user) {
        Event event = events.bySlug(slug);
        return refusedTo("/staff/events/" + slug + "/timetable/runs/" + id, () -> {
            ledger.accept(event.id(), id, user.getName());
            return URI.create("/staff/events/" + slug + "/timetable");
        });
    }

    @Post(value = "/runs/{id}/discard", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> discard(@PathVariable String slug, @PathVariable long id, Authentication user) {
        Event event = events.bySlug(slug);
        String page = "/staff/events/" + slug + "/timetable/runs/" + id;
        return refusedTo(page, () -> {
            ledger.discard(event.id(), id, user.getName());
            return URI.create(page);
        });
    }

    @View("staff/timetable-versions")
    @Get("/versions")
    Map<String, Object> versions(@PathVariable String slug) {
        Event event = events.bySlug(slug);
        return Map.of("event", event, "versions", versions.of(event.id()));
    }

    /** 303 to where the action leads, or back to {@code page} with the refusal's messages. */
    private static HttpResponse<?> refusedTo(String page, Supplier<URI> action) {
        try {
            return HttpResponse.seeOther(action.get());
        } catch (DomainException e) {
            if (e.kind() == DomainException.Kind.NOT_FOUND) {
                throw e;
            }
            return HttpResponse.seeOther(UriBuilder.of(page).queryParam("refused", FormErrors.encode(e)).build())
                    .header(FormErrors.HEADER, "1");
        }
    }
}
