package fr.cuf.rencontres.web.staff;

import fr.cuf.rencontres.badge.BadgeLayout;
import fr.cuf.rencontres.badge.BadgePrintRun;
import fr.cuf.rencontres.badge.BadgeSelection;
import fr.cuf.rencontres.badge.BadgeService;
import fr.cuf.rencontres.event.Event;
import fr.cuf.rencontres.event.EventRepository;
import fr.cuf.rencontres.registration.ParticipantType;
import fr.cuf.rencontres.support.DomainException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.views.ModelAndView;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Badge printing for the registration desk: an event's print runs (when, who, which selection, how
 * many) with a copy of each, a form to print a new batch, and reissuing one registration's badge.
 */
@Controller("/staff/events/{slug}/badges")
@Secured("REGISTRATION_DESK")
class BadgePagesController {

    private static final MediaType PDF = MediaType.of("application/pdf");

    private final BadgeService badges;
    private final EventRepository events;
    private final FormPages forms;

    BadgePagesController(BadgeService badges, EventRepository events, FormPages forms) {
        this.badges = badges;
        this.events = events;
        this.forms = forms;
    }

    @Get
    @Produces(MediaType.TEXT_HTML)
    ModelAndView<Map<String, Object>> runs(@PathVariable String slug) {
        return new ModelAndView<>("staff/badges", model(event(slug)));
    }

    /** Prints a new batch: answers the PDF (and records the run), or the page again with the reason. */
    @Post("/print")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces({"application/pdf", MediaType.TEXT_HTML})
    HttpResponse<?> print(@PathVariable String slug, @Body Map<String, String> form, Authentication staff,
                          HttpRequest<?> request) {
        Event event = event(slug);
        try {
            BadgeSelection selection = new BadgeSelection(ParticipantType.ofFilter(form.get("type")), "last-print".equals(form.get("since")),
                    BadgeLayout.parse(form.get("layout")));
            BadgeService.Batch batch = badges.printBatch(event.id(), selection, staff.getName());
            return HttpResponse.ok(batch.pdf()).contentType(PDF)
                    .header("Content-Disposition", "attachment; filename=\"badges-" + slug + ".pdf\"")
                    .header("X-Badge-Count", String.valueOf(batch.count()));
        } catch (DomainException refused) {
            Map<String, Object> page = model(event);
            page.put("form", form);
            page.putAll(forms.errors(request, refused.problems()));
            // 422 whatever the kind: "nothing printed since the last run" is a refusal of this form, not a missing page
            return HttpResponse.status(io.micronaut.http.HttpStatus.UNPROCESSABLE_ENTITY)
                    .contentType(MediaType.TEXT_HTML_TYPE).body(new ModelAndView<>("staff/badges", page));
        }
    }

    /** A copy of an earlier print run, same badges and layout. */
    @Get("/runs/{runId}.pdf")
    @Produces("application/pdf")
    HttpResponse<byte[]> copy(@PathVariable String slug, @PathVariable long runId, Authentication staff) {
        BadgeService.Batch batch = badges.reprint(event(slug).id(), runId, staff.getName());
        return HttpResponse.ok(batch.pdf()).contentType(PDF)
                .header("Content-Disposition", "attachment; filename=\"badges-" + slug + "-" + runId + ".pdf\"");
    }

    /** A new badge for one registration (name change, lost badge): the codes printed before are refused. */
    @Post("/reissue/{registrationId}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> reissue(@PathVariable String slug, @PathVariable long registrationId, Authentication staff) {
        Event event = event(slug);
        badges.reissue(event.id(), registrationId, staff.getName());
        return FormPages.seeOther("/staff/registrations/" + event.id() + "/r/" + registrationId);
    }

    /** A print run as the page shows it: its selection read back (participant type, since the last print). */
    record Run(BadgePrintRun run, @Nullable ParticipantType type, boolean sinceLastPrint, BadgeLayout layout) {
        static Run of(BadgePrintRun run) {
            ParticipantType type = null;
            for (String part : run.selection().split(";")) {
                if (part.startsWith("type=") && !part.equals("type=all")) {
                    type = ParticipantType.valueOf(part.substring("type=".length()));
                }
            }
            return new Run(run, type, run.selection().contains("since-last-print"), BadgeLayout.valueOf(run.layout()));
        }
    }

    private Event event(String slug) {
        return events.findBySlug(slug).orElseThrow(() -> DomainException.notFound("event_not_found"));
    }

    private Map<String, Object> model(Event event) {
        Map<String, Object> page = new HashMap<>();
        page.put("event", event);
        page.put("runs", badges.printRuns(event.id()).stream().map(Run::of).toList());
        badges.lastPrint(event.id()).ifPresent(last -> page.put("lastPrint", last));
        page.put("types", List.of(ParticipantType.values()));
        page.put("layouts", List.of(BadgeLayout.values()));
        page.put("form", Map.of());
        return page;
    }

}
