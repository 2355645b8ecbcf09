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
import fr.cuf.rencontres.schedule.solver.TimetableSolving;
import io.micronaut.context.LocalizedMessageSource;
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
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.views.View;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Automatic timetabling from the staff pages: pick the sessions to place and a time limit, follow the run
 * (the page refreshes itself while it runs), stop it, then accept or discard its proposal. Also the list of
 * published versions with their changelogs. A refused action shows its page again with the message.
 */
@Produces(MediaType.TEXT_HTML)
@Controller("/staff/events/{slug}/timetable")
@Secured({"ADMIN", "PROGRAMME"})
class SolverRunsController {

    private static final String RUNS_VIEW = "staff/timetable-runs";
    private static final String RUN_VIEW = "staff/timetable-run";

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
    private final LocalizedMessageSource texts;
    private final FormPages forms;

    SolverRunsController(EventService events, TimetableService timetables, TimetableSolving solving, RunLedger ledger,
                         RunReports reports, VersionHistory versions, ScheduleConfiguration configuration,
                         LocalizedMessageSource texts, FormPages forms) {
        this.events = events;
        this.timetables = timetables;
        this.solving = solving;
        this.ledger = ledger;
        this.reports = reports;
        this.versions = versions;
        this.configuration = configuration;
        this.texts = texts;
        this.forms = forms;
    }

    @View(RUNS_VIEW)
    @Get("/runs")
    Map<String, Object> runs(@PathVariable String slug) {
        return runsPage(events.bySlug(slug), null);
    }

    @Post(value = "/runs", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> start(HttpRequest<?> request, @PathVariable String slug, @Body SolveRequest form,
                          Authentication user) {
        Event event = events.bySlug(slug);
        return forms.submit(request, () -> solving.start(event, form, user.getName()),
                run -> "/staff/events/" + slug + "/timetable/runs/" + run.id(), RUNS_VIEW, () -> runsPage(event, form));
    }

    /** The sessions to pick and the time limit: what {@code form} asked for, else the unscheduled sessions. */
    private Map<String, Object> runsPage(Event event, @Nullable SolveRequest form) {
        Timetable t = timetables.of(event);
        Map<String, Object> model = new HashMap<>();
        model.put("event", event);
        model.put("sessions", Stream.concat(t.unscheduled().stream(), t.placed().stream())
                .map(v -> choice(v, form == null ? !v.session().isScheduled()
                        : form.sessionIds() != null && form.sessionIds().contains(v.session().id()))).toList());
        model.put("limit", form == null || form.timeLimitSeconds() == null ? DEFAULT_LIMIT_SECONDS : form.timeLimitSeconds());
        model.put("maxLimit", configuration.getMaxSolveTime().toSeconds());
        model.put("runs", reports.recent(event.id(), 20));
        return model;
    }

    /** Unscheduled sessions are ticked by default: "place what is not placed yet" is the usual run. */
    private static Map<String, Object> choice(SessionView v, boolean checked) {
        Map<String, Object> c = new HashMap<>();
        c.put("id", v.session().id());
        c.put("title", v.session().title());
        c.put("kind", v.session().kind());
        c.put("startsAt", v.session().startsAt());
        c.put("room", v.room() == null ? null : v.room().name());
        c.put("checked", checked);
        return c;
    }

    @View(RUN_VIEW)
    @Get("/runs/{id}")
    Map<String, Object> run(HttpRequest<?> request, @PathVariable String slug, @PathVariable long id) {
        return runPage(request, events.bySlug(slug), id);
    }

    private Map<String, Object> runPage(HttpRequest<?> request, Event event, long id) {
        RunReport report = reports.of(event.id(), id);
        Map<String, Object> model = new HashMap<>();
        model.put("event", event);
        model.put("report", report);
        model.put("refresh", report.running() ? REFRESH_SECONDS : null);
        model.put("rules", report.explanation() == null ? List.of() : report.explanation().rules().stream()
                .map(r -> Map.of("rule", r.rule(), "label", texts.getMessageOrDefault("solver.rule." + r.rule(), r.rule()),
                        "hard", r.hard(), "soft", r.soft(), "matchCount", r.matchCount(), "matches", r.matches()))
                .toList());
        return model;
    }

    @Post(value = "/runs/{id}/stop", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> stop(HttpRequest<?> request, @PathVariable String slug, @PathVariable long id) {
        Event event = events.bySlug(slug);
        return onRun(request, event, id, () -> {
            solving.stop(event.id(), id);
            return "/staff/events/" + slug + "/timetable/runs/" + id;
        });
    }

    @Post(value = "/runs/{id}/accept", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> accept(HttpRequest<?> request, @PathVariable String slug, @PathVariable long id,
                           Authentication user) {
        Event event = events.bySlug(slug);
        return onRun(request, event, id, () -> {
            ledger.accept(event.id(), id, user.getName());
            return "/staff/events/" + slug + "/timetable";
        });
    }

    @Post(value = "/runs/{id}/discard", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> discard(HttpRequest<?> request, @PathVariable String slug, @PathVariable long id,
                            Authentication user) {
        Event event = events.bySlug(slug);
        return onRun(request, event, id, () -> {
            ledger.discard(event.id(), id, user.getName());
            return "/staff/events/" + slug + "/timetable/runs/" + id;
        });
    }

    /** 303 to where the action leads, or the run's page again with the refusal's message. */
    private HttpResponse<?> onRun(HttpRequest<?> request, Event event, long id, Supplier<String> action) {
        return forms.submit(request, action, next -> next, RUN_VIEW, () -> runPage(request, event, id));
    }

    @View("staff/timetable-versions")
    @Get("/versions")
    Map<String, Object> versions(@PathVariable String slug) {
        Event event = events.bySlug(slug);
        return Map.of("event", event, "versions", versions.of(event.id()));
    }
}
