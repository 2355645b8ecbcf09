package fr.cuf.rencontres.web.staff;

import fr.cuf.rencontres.checkin.ScannerKit;
import fr.cuf.rencontres.support.Messages;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.server.util.locale.HttpLocaleResolver;
import io.micronaut.security.annotation.Secured;
import io.micronaut.json.JsonMapper;
import io.micronaut.views.View;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The scanning page at the door. The page does the scanning in the browser (camera or handheld
 * scanner) and talks to the check-in API; this controller only gives it the events and its texts.
 */
@Produces(MediaType.TEXT_HTML)
@Controller("/staff/scan")
@Secured("SCANNER")
class ScanPageController {

    /** Texts the script shows, in the page's language. */
    private static final List<String> SCRIPT_TEXTS = List.of(
            "checkin.outcome.ok", "checkin.outcome.ok.exit", "checkin.outcome.already_checked_in",
            "checkin.outcome.not_registered_for_session", "checkin.outcome.cancelled", "checkin.outcome.wrong_day",
            "checkin.outcome.members_only", "checkin.outcome.invalid_code", "checkin.outcome.superseded_badge",
            "checkin.outcome.wrong_event", "scan.online", "scan.offline", "scan.queued", "scan.synced",
            "scan.syncRefused", "scan.offlineAnswer", "scan.unknownName", "scan.noKeyOffline", "scan.entrance",
            "scan.cameraError", "scan.cameraStop", "scan.cameraStart", "scan.sessionExpired", "scan.checkIn",
            "scan.noResult", "scan.error", "badge.type.ELECTED_OFFICIAL", "badge.type.OFFICER",
            "badge.type.PARTNER", "badge.type.SPEAKER", "badge.type.PRESS", "badge.type.STAFF",
            "checkin.outcome.undone", "scan.pending", "scan.dataAge", "scan.dataAge.none", "scan.roomFull",
            "scan.roomCount", "scan.mode.entry", "scan.mode.exit", "scan.undoOffline", "scan.unknownPerson",
            "scan.checkOut", "scan.printBadge", "scan.logoutQueued", "scan.queueEmpty", "scan.status.PENDING_PAYMENT",
            "scan.status.CONFIRMED", "scan.status.WAITLISTED", "scan.status.CANCELLED");


    private final ScannerKit kit;
    private final Messages messages;
    private final HttpLocaleResolver locales;
    private final JsonMapper json;

    ScanPageController(ScannerKit kit, Messages messages, HttpLocaleResolver locales, JsonMapper json) {
        this.json = json;
        this.kit = kit;
        this.messages = messages;
        this.locales = locales;
    }

    @Get
    @View("staff/scan")
    Map<String, Object> page(HttpRequest<?> request, @QueryValue @Nullable String event,
                             @Nullable Authentication staff) throws IOException {
        Locale locale = locales.resolveOrDefault(request);
        Map<String, String> texts = new LinkedHashMap<>();
        SCRIPT_TEXTS.forEach(key -> texts.put(key, messages.get(locale, key)));
        List<ScannerKit.EventOption> events = kit.events();
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("events", events);
        model.put("selected", event != null ? event : events.isEmpty() ? "" : events.get(0).slug());
        // inside <script>: no "<" may close the element early
        model.put("textsJson", scriptJson(texts));
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("serviceWorker", "/staff/scan-sw.js");
        config.put("canPrintBadge", staff != null && staff.getRoles().contains("REGISTRATION_DESK"));
        model.put("configJson", scriptJson(config));
        return model;
    }

    /** JSON inside {@code <script>}: no "<" may close the element early. */
    private String scriptJson(Object value) throws IOException {
        return json.writeValueAsString(value).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026");
    }
}
