package fr.cuf.rencontres.web.staff;

import fr.cuf.rencontres.event.EventHubRepository;
import fr.cuf.rencontres.csvio.CsvWriter;
import fr.cuf.rencontres.csvio.ImportKind;
import fr.cuf.rencontres.csvio.ImportReport;
import fr.cuf.rencontres.csvio.ImportUpload;
import fr.cuf.rencontres.csvio.ImportUploads;
import fr.cuf.rencontres.csvio.ValueChoices;
import fr.cuf.rencontres.event.EventRepository;
import fr.cuf.rencontres.support.DomainException;
import fr.cuf.rencontres.support.Messages;
import fr.cuf.rencontres.web.Refusals;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.exceptions.ContentLengthExceededException;
import fr.cuf.rencontres.support.Problem;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.multipart.CompletedFileUpload;
import io.micronaut.http.server.util.locale.HttpLocaleResolver;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.csrf.validator.CsrfTokenValidator;
import io.micronaut.views.ModelAndView;
import io.micronaut.views.View;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Staff imports: upload a file, preview it (problems and column mapping), commit, report, rejected rows. */
@Produces(MediaType.TEXT_HTML)
@Controller("/staff/imports")
@Secured({"ADMIN", "REGISTRATION_DESK"})
class ImportPagesController {

    private final ImportUploads uploads;
    private final EventRepository events;
    private final HttpLocaleResolver locales;
    private final Messages messages;
    private final Refusals refusals;
    private final CsrfTokenValidator<HttpRequest<?>> csrf;
    private final EventHubRepository history;
    private final fr.cuf.rencontres.registration.RegistrationViews registrations;
    private static final int RECENT = 20;

    ImportPagesController(ImportUploads uploads, EventRepository events, HttpLocaleResolver locales, Messages messages,
                          Refusals refusals, CsrfTokenValidator<HttpRequest<?>> csrf, EventHubRepository history,
                          fr.cuf.rencontres.registration.RegistrationViews registrations) {
        this.registrations = registrations;
        this.csrf = csrf;
        this.history = history;
        this.uploads = uploads;
        this.events = events;
        this.locales = locales;
        this.messages = messages;
        this.refusals = refusals;
    }

    @Get
    @View("staff/imports")
    Object page(HttpRequest<?> request, @Nullable @QueryValue String refused) {
        if ("file_too_large".equals(refused)) {
            return refusedUpload(request, HttpStatus.OK, List.of(Problem.field("file", "file_too_large", MAX_MB)),
                    null, null).body();
        }
        return form(request);
    }

    private Map<String, Object> form(HttpRequest<?> request) {
        Locale locale = locale(request);
        return new HashMap<>(Map.of("kinds", List.of(ImportKind.values()).stream().map(k -> Map.of("value", k.path(),
                        "label", messages.get(locale, "csvio.kind." + k.path()),
                        "headers", String.join(" · ", k.fields().stream()
                                .map(f -> String.join(" / ", k.aliases(f))).toList()))).toList(),
                "events", events.findAllOrderByStartsAtDesc(), "recent", history.recentImports(null, RECENT)));
    }

    /** The upload form again, with the problems of the file beside its field (and the kind and event chosen). */
    private HttpResponse<?> refusedUpload(HttpRequest<?> request, HttpStatus status, List<Problem> problems,
                                          @Nullable String kind, @Nullable String event) {
        Locale locale = locale(request);
        Map<String, Object> model = form(request);
        // a problem of the upload as a whole is shown beside the file
        model.putAll(refusals.model(locale, problems.stream()
                .map(p -> p.field() == null ? new Problem(p.code(), "file", p.args()) : p).toList()));
        model.put("chosenKind", kind == null ? "organisations" : kind);
        model.put("chosenEvent", event == null ? "" : event);
        return HttpResponse.status(status).body(new ModelAndView<>("staff/imports", model));
    }

    /**
     * A file over the largest import that reaches the route ({@code micronaut.server.multipart.max-file-size}): the
     * form again, saying so in the reader's language. A request over {@code max-request-size} is refused before any
     * route (its page: web.FrameworkErrorMessages); the page's script checks the size before sending and opens
     * {@code ?refused=file_too_large} instead.
     */
    @io.micronaut.http.annotation.Error(exception = ContentLengthExceededException.class)
    HttpResponse<?> tooLarge(HttpRequest<?> request) {
        return refusedUpload(request, HttpStatus.REQUEST_ENTITY_TOO_LARGE,
                List.of(Problem.field("file", "file_too_large", MAX_MB)), null, null);
    }

    /** Megabytes of the largest file, as configured (20 MB: a member list of every French local authority). */
    static final int MAX_MB = 20;

    /**
     * The CSRF filter cannot read a multipart body (application.yml excludes this path from it), so the
     * token of the form is checked here against the browser's cookie, as the filter does for other forms.
     */
    @Post(consumes = MediaType.MULTIPART_FORM_DATA)
    HttpResponse<?> upload(String kind, @Nullable String event, @Nullable String csrfToken, CompletedFileUpload file,
                           Principal user, HttpRequest<?> request) throws IOException {
        if (csrfToken == null || !csrf.validateCsrfToken(request, csrfToken)) {
            return HttpResponse.status(io.micronaut.http.HttpStatus.FORBIDDEN);
        }
        try {
            String id = uploads.store(kind, event, file.getFilename(), file.getBytes(), user.getName());
            return HttpResponse.seeOther(URI.create("/staff/imports/" + id));
        } catch (DomainException refused) {
            return refusedUpload(request, HttpStatus.UNPROCESSABLE_ENTITY, refused.problems(), kind, event);
        }
    }

    @Get("/{id}")
    @View("staff/import-preview")
    Map<String, Object> preview(@PathVariable String id, @Nullable @QueryValue List<String> map,
                                @Nullable @QueryValue String waitingList, @Nullable @QueryValue List<String> value,
                                HttpRequest<?> request) {
        boolean waiting = on(waitingList);
        ValueChoices values = ValueChoices.parse(value);
        return previewModel(id, map == null ? List.of() : map, waiting, values,
                uploads.preview(id, map, waiting, values), locale(request), false);
    }

    @Post(value = "/{id}/commit", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    Object commit(@PathVariable String id, @Body CommitForm form, Principal user, HttpRequest<?> request) {
        List<String> map = form.map() == null ? List.of() : form.map();
        ValueChoices values = ValueChoices.parse(form.value());
        ImportReport report = uploads.commit(id, map, on(form.validOnly()), on(form.waitingList()), on(form.sendMail()),
                values, user.getName());
        if (report.committed()) {
            return HttpResponse.seeOther(URI.create("/staff/imports/" + id + "/report"));
        }
        return new ModelAndView<>("staff/import-preview", previewModel(id, map, on(form.waitingList()), values, report,
                locale(request), true));
    }

    @Get("/{id}/report")
    @View("staff/import-report")
    Map<String, Object> report(@PathVariable String id, HttpRequest<?> request) {
        ImportUpload upload = uploads.get(id);
        return Map.of("upload", upload, "report", uploads.localise(uploads.report(id), locale(request)));
    }

    @Get("/{id}/rejected.csv")
    @Produces("text/csv")
    HttpResponse<byte[]> rejected(@PathVariable String id, @Nullable @QueryValue List<String> map,
                                  @Nullable @QueryValue String waitingList, @Nullable @QueryValue String format,
                                  @Nullable @QueryValue List<String> value, HttpRequest<?> request) {
        byte[] csv = uploads.rejectedCsv(id, map == null ? List.of() : map, on(waitingList), ValueChoices.parse(value),
                locale(request), CsvWriter.Dialect.of(format));
        return HttpResponse.ok(csv).contentType("text/csv; charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"rejets-" + id + ".csv\"");
    }

    private static boolean on(String checkbox) {
        return "on".equals(checkbox) || "true".equals(checkbox);
    }

    private Map<String, Object> previewModel(String id, List<String> map, boolean waitingList, ValueChoices values,
                                             ImportReport report, Locale locale, boolean refused) {
        ImportUpload upload = uploads.get(id);
        ImportKind kind = ImportKind.fromPath(upload.kind()).orElseThrow(() -> DomainException.notFound("import_not_found"));
        Map<String, Object> model = new HashMap<>();
        model.put("upload", upload);
        model.put("report", uploads.localise(report, locale));
        model.put("fields", kind.fields().stream().map(f -> Map.of("value", f.key(),
                "label", messages.get(locale, "csvio.field." + f.key()))).toList());
        model.put("kindLabel", messages.get(locale, "csvio.kind." + kind.path()));
        model.put("mapping", map);
        List<String> chosen = report.unknownValues().stream().filter(v -> v.chosen() != null)
                .map(v -> v.value() + "=" + v.chosen()).toList();
        model.put("mappingQuery", String.join("&", java.util.stream.Stream.concat(
                map.stream().map(m -> "map=" + URLEncoder.encode(m, StandardCharsets.UTF_8)),
                chosen.stream().map(v -> "value=" + URLEncoder.encode(v, StandardCharsets.UTF_8))).toList())
                + (waitingList ? "&waitingList=on" : ""));
        model.put("chosenValues", chosen);
        model.put("unknownValues", ImportValueViews.of(report.unknownValues(), messages, locale));
        model.put("registrations", kind == ImportKind.REGISTRATIONS);
        model.put("waitingList", waitingList);
        Map<String, String> categories = upload.eventSlug() == null ? Map.of() : events.findBySlug(upload.eventSlug())
                .map(e -> registrations.categoryLabels(e.id(), locale)).orElse(Map.of());
        model.put("rows", report.rows().stream().map(r -> {
            Map<String, Object> row = new HashMap<>();
            row.put("line", r.line());
            row.put("outcome", messages.get(locale, "csvio.outcome." + r.outcome()));
            row.put("status", r.status() == null ? "" : messages.get(locale, "enum.RegistrationStatus." + r.status()));
            row.put("category", r.category() == null ? "" : categories.getOrDefault(r.category(), r.category()));
            row.put("price", r.priceCents() == null ? "" : fr.cuf.rencontres.registration.Quote.euros(r.priceCents()));
            row.put("code", r.code() == null ? "" : r.code());
            return row;
        }).toList());
        model.put("refused", refused);
        model.put("committed", report.committed() || upload.committedAt() != null);
        return model;
    }

    private Locale locale(HttpRequest<?> request) {
        return locales.resolveOrDefault(request);
    }
}
