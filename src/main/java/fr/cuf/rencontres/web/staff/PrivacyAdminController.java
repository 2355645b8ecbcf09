package fr.cuf.rencontres.web.staff;

import fr.cuf.rencontres.privacy.PrivacyNotices;
import fr.cuf.rencontres.privacy.PrivacySettings;
import fr.cuf.rencontres.privacy.Retention;
import fr.cuf.rencontres.support.DomainException;
import fr.cuf.rencontres.web.ShowsTextProblems;
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
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.views.View;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The data-protection pages of the back office (ADMIN): the privacy notice and its versions, and retention (what a
 * run would anonymise, each event's retention, the run button). Linked from the back office's home.
 */
@Produces(MediaType.TEXT_HTML)
@Controller("/staff/privacy")
@Secured("ADMIN")
class PrivacyAdminController {

    private static final String NOTICE = "staff/privacy";
    private static final String RETENTION = "staff/retention";

    private final PrivacyNotices notices;
    private final Retention retention;
    private final PrivacySettings settings;
    private final FormPages forms;

    PrivacyAdminController(PrivacyNotices notices, Retention retention, PrivacySettings settings, FormPages forms) {
        this.notices = notices;
        this.retention = retention;
        this.settings = settings;
        this.forms = forms;
    }

    @Get
    @View(NOTICE)
    Map<String, Object> notice(@Nullable @QueryValue String published) {
        Map<String, Object> model = noticeModel(null);
        if (published != null) {
            model.put("published", published);
        }
        return model;
    }

    @ShowsTextProblems
    @Post("/notice")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> publish(@Body Map<String, Object> form, Authentication user, HttpRequest<?> request) {
        Map<String, Object> values = Map.of("version", text(form, "version"), "textFr", text(form, "textFr"),
                "textEn", text(form, "textEn"));
        return forms.submit(request, () -> notices.publish(text(form, "version"), text(form, "textFr"),
                        text(form, "textEn"), user.getName()),
                n -> "/staff/privacy?published=" + java.net.URLEncoder.encode(n.version(), java.nio.charset.StandardCharsets.UTF_8),
                NOTICE, () -> noticeModel(values));
    }

    @Get("/retention")
    @View(RETENTION)
    Map<String, Object> retention(@Nullable @QueryValue String ran) {
        Map<String, Object> model = retentionModel();
        if (ran != null && ran.matches("\\d+-\\d+-\\d+")) {
            model.put("ran", ran);
            model.put("ranCounts", List.of(ran.split("-")));
        }
        return model;
    }

    @Post("/retention/run")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> run(Authentication user) {
        Retention.Report report = retention.run(user.getName());
        return FormPages.seeOther("/staff/privacy/retention?ran=" + report.registrations() + "-" + report.persons()
                + "-" + report.needsCleared());
    }

    @ShowsTextProblems
    @Post("/retention/events/{eventId}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> months(@PathVariable long eventId, @Body Map<String, Object> form, Authentication user,
                           HttpRequest<?> request) {
        String raw = text(form, "months").strip();
        return forms.submit(request, () -> {
            Integer months = null;
            if (!raw.isEmpty()) {
                if (!raw.matches("\\d{1,3}")) {
                    throw DomainException.invalid("months-" + eventId, "retention_months_range", 0, 240);
                }
                months = Integer.valueOf(raw);
            }
            try {
                retention.setMonths(eventId, months, user.getName());
            } catch (DomainException e) {
                throw e.kind() == DomainException.Kind.INVALID
                        ? DomainException.invalid("months-" + eventId, "retention_months_range", 0, 240) : e;
            }
            return eventId;
        }, id -> "/staff/privacy/retention#event-" + id, RETENTION, () -> {
            Map<String, Object> model = retentionModel();
            model.put("refusedEvent", eventId);
            model.put("typedMonths", raw);
            return model;
        });
    }

    private Map<String, Object> noticeModel(@Nullable Map<String, Object> values) {
        Map<String, Object> model = new HashMap<>();
        model.put("current", notices.current());
        model.put("history", notices.history());
        model.put("values", values != null ? values : Map.of("textFr", notices.current().textFr(),
                "textEn", notices.current().textEn(), "version", ""));
        return model;
    }

    private Map<String, Object> retentionModel() {
        List<Retention.EventRetention> events = retention.preview();
        Map<String, Object> model = new HashMap<>();
        model.put("events", events);
        model.put("due", events.stream().filter(e -> e.due() && e.toAnonymise() > 0).toList());
        model.put("defaultMonths", settings.getRetentionMonths());
        model.put("needsDays", settings.getNeedsRetentionDays());
        return model;
    }

    private static String text(Map<String, Object> form, String key) {
        String v = Parse.text(form.get(key));
        return v == null ? "" : v;
    }
}
