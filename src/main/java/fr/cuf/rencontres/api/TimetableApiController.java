package fr.cuf.rencontres.api;

import fr.cuf.rencontres.event.Event;
import fr.cuf.rencontres.event.EventService;
import fr.cuf.rencontres.schedule.ConflictTexts;
import fr.cuf.rencontres.schedule.ProgrammePublisher;
import fr.cuf.rencontres.schedule.SessionView;
import fr.cuf.rencontres.schedule.Timetable;
import fr.cuf.rencontres.schedule.TimetableService;
import fr.cuf.rencontres.schedule.solver.RunLedger;
import fr.cuf.rencontres.schedule.solver.SolveRequest;
import fr.cuf.rencontres.schedule.solver.TimetableRun;
import fr.cuf.rencontres.schedule.solver.TimetableRunRepository;
import fr.cuf.rencontres.schedule.solver.TimetableSolving;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.server.util.locale.HttpLocaleResolver;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;

import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/** The timetable of an event for programme staff: read it, solve it in the background, publish it. */
@Controller("/api/v1/events/{slug}/timetable")
@Secured({"ADMIN", "PROGRAMME"})
class TimetableApiController {

    private final EventService events;
    private final TimetableService timetables;
    private final TimetableSolving solving;
    private final RunLedger ledger;
    private final TimetableRunRepository runs;
    private final ProgrammePublisher publisher;
    private final ConflictTexts texts;
    private final HttpLocaleResolver locales;

    TimetableApiController(EventService events, TimetableService timetables, TimetableSolving solving,
                           RunLedger ledger, TimetableRunRepository runs, ProgrammePublisher publisher,
                           ConflictTexts texts, HttpLocaleResolver locales) {
        this.events = events;
        this.timetables = timetables;
        this.solving = solving;
        this.ledger = ledger;
        this.runs = runs;
        this.publisher = publisher;
        this.texts = texts;
        this.locales = locales;
    }

    @Get
    TimetableJson.Timetable timetable(HttpRequest<?> request, @PathVariable String slug) {
        Timetable t = timetables.of(events.bySlug(slug));
        Locale locale = locales.resolveOrDefault(request);
        return new TimetableJson.Timetable(slug,
                Stream.of(t.placed(), t.unscheduled(), t.cancelled()).flatMap(List::stream).map(TimetableApiController::session).toList(),
                t.conflicts().stream().map(c -> new TimetableJson.ConflictJson(c.code(), c.hard(), texts.text(c, locale),
                        c.sessionIds())).toList(), t.hardConflicts().size());
    }

    @Post("/solve")
    HttpResponse<TimetableJson.RunJson> solve(@PathVariable String slug, @Body SolveRequest body, Authentication user) {
        TimetableRun run = solving.start(events.bySlug(slug), body, user.getName());
        return HttpResponse.status(HttpStatus.ACCEPTED).body(run(run));
    }

    @Get("/solve/{id}")
    TimetableJson.RunJson run(@PathVariable String slug, @PathVariable long id) {
        return run(ledger.run(events.bySlug(slug).id(), id));
    }

    @Post("/solve/{id}/stop")
    TimetableJson.RunJson stop(@PathVariable String slug, @PathVariable long id) {
        Event event = events.bySlug(slug);
        solving.stop(event.id(), id);
        return run(ledger.run(event.id(), id));
    }

    @Post("/solve/{id}/accept")
    TimetableJson.RunJson accept(@PathVariable String slug, @PathVariable long id, Authentication user) {
        Event event = events.bySlug(slug);
        ledger.accept(event.id(), id, user.getName());
        return run(ledger.run(event.id(), id));
    }

    @Post("/solve/{id}/discard")
    TimetableJson.RunJson discard(@PathVariable String slug, @PathVariable long id, Authentication user) {
        Event event = events.bySlug(slug);
        ledger.discard(event.id(), id, user.getName());
        return run(ledger.run(event.id(), id));
    }

    @Post("/publish")
    HttpResponse<TimetableJson.VersionJson> publish(@PathVariable String slug, Authentication user) {
        ProgrammePublisher.Published p = publisher.publish(events.bySlug(slug), user.getName());
        return HttpResponse.created(new TimetableJson.VersionJson(p.version().id(), p.version().number(),
                p.version().publishedAt(), p.changes().stream().map(c -> new TimetableJson.ChangeJson(c.sessionId(),
                c.changeKind().name(), c.title(), c.oldStartsAt(), c.oldRoomName(), c.newStartsAt(), c.newRoomName()))
                .toList(), p.notifications()));
    }

    private static TimetableJson.SessionJson session(SessionView v) {
        var s = v.session();
        return new TimetableJson.SessionJson(s.id(), s.title(), s.kind().name(), s.status().name(), s.startsAt(),
                s.endsAt(), s.roomId(), v.room() == null ? null : v.room().name(), s.expectedAudience());
    }

    private TimetableJson.RunJson run(TimetableRun r) {
        return new TimetableJson.RunJson(r.id(), r.status().name(), r.bestScore(), r.hardScore(), r.softScore(),
                r.elapsedMs(), r.status() == TimetableRun.Status.RUNNING ? r.millisLeft() : 0,
                r.history().stream().map(p -> new TimetableJson.ScorePoint(Long.parseLong(p[0]), p[1])).toList(),
                r.explanation(), runs.findProposal(r.id()).stream().map(p -> new TimetableJson.ProposalJson(p.sessionId(),
                p.startsAt(), p.endsAt(), p.roomId(), p.changed())).toList(), r.error());
    }
}
