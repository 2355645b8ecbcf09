package fr.cuf.rencontres.api;

import fr.cuf.rencontres.http.ApiError;
import fr.cuf.rencontres.checkin.CheckinService;
import fr.cuf.rencontres.checkin.ScanRequest;
import fr.cuf.rencontres.checkin.ScanResult;
import fr.cuf.rencontres.checkin.ScannerKit;
import fr.cuf.rencontres.registration.RegistrationStatus;
import fr.cuf.rencontres.support.Messages;
import fr.cuf.rencontres.support.Times;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.server.util.locale.HttpLocaleResolver;
import io.micronaut.security.annotation.Secured;
import io.micronaut.serde.annotation.Serdeable;

import java.security.Principal;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * Scanning at the door: one scan, a batch of offline scans, lookup by name, and the data a scanning
 * page keeps for offline work. Staff with the SCANNER role (granted to the desk and admins);
 * API token accepted (staff.ApiTokens). A refused scan is an answer (200 with its outcome), not an HTTP error.
 */
@Controller("/api/v1")
@Secured("SCANNER")
class CheckinApiController {

    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("HH:mm");

    private final CheckinService checkins;
    private final ScannerKit kit;
    private final Messages messages;
    private final HttpLocaleResolver locales;

    CheckinApiController(CheckinService checkins, ScannerKit kit, Messages messages, HttpLocaleResolver locales) {
        this.checkins = checkins;
        this.kit = kit;
        this.messages = messages;
        this.locales = locales;
    }

    @Serdeable
    record CheckinResponse(String outcome, boolean accepted, String message, String nonce, String mode,
                           @Nullable Long registrationId, @Nullable String name, @Nullable String firstName,
                           @Nullable String lastName, @Nullable String participantType,
                           @Nullable String participantTypeLabel, @Nullable Instant firstCheckinAt,
                           Instant scannedAt, boolean replayed) {
    }

    @Serdeable
    record BatchRequest(List<ScanRequest> scans) {
    }

    @Serdeable
    record BatchItemResponse(@Nullable String nonce, @Nullable CheckinResponse result, @Nullable ApiError.Item error,
                             boolean recorded) {
    }

    /** {@code notAccepted}: the nonces the service recorded with another outcome than ok, or could not record. */
    @Serdeable
    record BatchResponse(int received, int accepted, List<String> notAccepted, List<BatchItemResponse> results) {
    }

    @Serdeable
    record LookupItem(long registrationId, String firstName, String lastName, String participantType,
                      String participantTypeLabel, String status, String statusLabel, boolean admissible,
                      @Nullable String organisation) {
    }

    @Post("/checkins")
    CheckinResponse scan(HttpRequest<?> request, @Body ScanRequest scan, Principal staff) {
        return response(checkins.scan(scan, staff.getName()), locale(request));
    }

    @Serdeable
    record UndoResponse(String nonce, long registrationId, String outcome, String message) {
    }

    /** Takes back an entry recorded by mistake: the last check-in at a door, from the scanning page. */
    @Post("/checkins/{nonce}/undo")
    UndoResponse undo(HttpRequest<?> request, @PathVariable String nonce, Principal staff) {
        long registrationId = checkins.undo(nonce, staff.getName());
        return new UndoResponse(nonce, registrationId, "undone",
                messages.get(locale(request), "checkin.outcome.undone"));
    }

    @Post("/checkins/batch")
    BatchResponse batch(HttpRequest<?> request, @Body BatchRequest body, Principal staff) {
        Locale locale = locale(request);
        List<CheckinService.BatchItem> items = checkins.batch(body.scans() == null ? List.of() : body.scans(),
                staff.getName());
        List<BatchItemResponse> results = items.stream().map(item -> new BatchItemResponse(item.nonce(),
                item.result() == null ? null : response(item.result(), locale),
                item.problem() == null ? null : new ApiError.Item(item.problem().code(),
                        messages.problem(locale, item.problem()), item.problem().field()),
                item.result() != null)).toList();
        return new BatchResponse(items.size(), (int) items.stream()
                .filter(i -> i.result() != null && i.result().outcome().accepted()).count(),
                items.stream().filter(i -> i.result() == null || !i.result().outcome().accepted())
                        .map(CheckinService.BatchItem::nonce).toList(), results);
    }

    @Get("/events/{slug}/scanner-data")
    ScannerKit.ScannerData scannerData(@PathVariable String slug) {
        return kit.forEvent(slug);
    }

    @Get("/events/{slug}/checkin-lookup")
    List<LookupItem> lookup(HttpRequest<?> request, @PathVariable String slug, @QueryValue @Nullable String name) {
        Locale locale = locale(request);
        return checkins.findByName(kit.event(slug).id(), name).stream()
                .map(a -> new LookupItem(a.registrationId(), a.firstName(), a.lastName(), a.participantType(),
                        messages.get(locale, "badge.type." + a.participantType()), a.status(),
                        messages.get(locale, "scan.status." + a.status()),
                        RegistrationStatus.valueOf(a.status()).holdsSeat(), a.organisationName()))
                .toList();
    }

    /**
     * What changed since the page last asked: registrations changed since {@code since} (an ISO instant, the
     * {@code generatedAt} of the previous answer) and accepted scans of every door after {@code after}.
     */
    @Get("/events/{slug}/scanner-changes")
    ScannerKit.ScannerChanges changes(@PathVariable String slug, @QueryValue @Nullable Long after,
                                      @QueryValue @Nullable Instant since) {
        return kit.changes(slug, after == null ? 0 : Math.max(0, after), since);
    }

    private CheckinResponse response(ScanResult r, Locale locale) {
        String code = r.outcome().code();
        String key = "checkin.outcome." + code + (r.outcome().accepted() && r.mode().name().equals("EXIT") ? ".exit" : "");
        String message = messages.get(locale, key,
                r.firstCheckinAt() == null ? "" : HOUR.format(Times.paris(r.firstCheckinAt())));
        String type = r.participantType() == null ? null : r.participantType().name();
        return new CheckinResponse(code, r.outcome().accepted(), message, r.nonce(), r.mode().name().toLowerCase(),
                r.registrationId(), r.lastName() == null ? null : r.firstName() + " " + r.lastName(), r.firstName(),
                r.lastName(), type, type == null ? null : messages.get(locale, "badge.type." + type),
                r.firstCheckinAt(), r.scannedAt(), r.replayed());
    }

    private Locale locale(HttpRequest<?> request) {
        return locales.resolveOrDefault(request);
    }
}
