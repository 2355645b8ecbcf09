package fr.cuf.rencontres.web.staff;

import fr.cuf.rencontres.audit.AuditFilter;
import fr.cuf.rencontres.audit.AuditRepository;
import fr.cuf.rencontres.csvio.CsvWriter;
import fr.cuf.rencontres.event.Event;
import fr.cuf.rencontres.event.EventRepository;
import fr.cuf.rencontres.support.AuditEntry;
import fr.cuf.rencontres.support.DomainException;
import fr.cuf.rencontres.support.Messages;
import fr.cuf.rencontres.support.Times;
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
import io.micronaut.views.ModelAndView;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The audit log (ADMIN), read-only: the whole service at {@code /staff/audit}, one event at
 * {@code /staff/audit/events/{id}}; filters by person, staff account, action and dates; CSV of what is filtered.
 * There is no route that edits or deletes an entry.
 */
@Produces(MediaType.TEXT_HTML)
@Controller("/staff/audit")
@Secured("ADMIN")
class AuditPagesController {

    private static final int PAGE_SIZE = 50;

    private final AuditRepository audit;
    private final EventRepository events;
    private final Messages messages;
    private final HttpLocaleResolver locales;

    AuditPagesController(AuditRepository audit, EventRepository events, Messages messages, HttpLocaleResolver locales) {
        this.audit = audit;
        this.events = events;
        this.messages = messages;
        this.locales = locales;
    }

    @Get
    ModelAndView<Map<String, Object>> all(@Nullable @QueryValue Long personId, @Nullable @QueryValue String actor,
                                          @Nullable @QueryValue String action, @Nullable @QueryValue String from,
                                          @Nullable @QueryValue String to, @Nullable @QueryValue Integer page,
                                          HttpRequest<?> request) {
        return page(null, personId, actor, action, from, to, page, request);
    }

    @Get("/events/{eventId}")
    ModelAndView<Map<String, Object>> event(@PathVariable long eventId, @Nullable @QueryValue Long personId,
                                            @Nullable @QueryValue String actor, @Nullable @QueryValue String action,
                                            @Nullable @QueryValue String from, @Nullable @QueryValue String to,
                                            @Nullable @QueryValue Integer page, HttpRequest<?> request) {
        return page(eventId, personId, actor, action, from, to, page, request);
    }

    @Get("/export.csv")
    @Produces("text/csv")
    HttpResponse<byte[]> csv(@Nullable @QueryValue Long eventId, @Nullable @QueryValue Long personId,
                             @Nullable @QueryValue String actor, @Nullable @QueryValue String action,
                             @Nullable @QueryValue String from, @Nullable @QueryValue String to, HttpRequest<?> request) {
        AuditFilter filter = filter(eventId, personId, actor, action, from, to);
        Locale locale = locales.resolveOrDefault(request);
        List<List<?>> rows = new ArrayList<>();
        for (AuditEntry e : audit.find(filter, AuditRepository.MAX_EXPORT, 0)) {
            rows.add(List.of(e.id(), Times.paris(e.occurredAt()).toOffsetDateTime().toString(), e.actor(), e.action(),
                    messages.get(locale, e.action()), e.entityType(), e.entityId() == null ? "" : e.entityId(),
                    nz(e.detail()), nz(e.oldValue()), nz(e.newValue())));
        }
        byte[] body = CsvWriter.write(CsvWriter.Dialect.EXCEL, List.of("id", "occurred_at", "actor", "action",
                "action_label", "entity_type", "entity_id", "detail", "old_value", "new_value"), rows);
        return HttpResponse.ok(body).contentType("text/csv; charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"audit" + (eventId == null ? "" : "-event-" + eventId) + ".csv\"");
    }

    private ModelAndView<Map<String, Object>> page(@Nullable Long eventId, Long personId, String actor, String action,
                                                   String from, String to, Integer page, HttpRequest<?> request) {
        Locale locale = locales.resolveOrDefault(request);
        Event event = eventId == null ? null
                : events.findById(eventId).orElseThrow(() -> DomainException.notFound("event_not_found"));
        AuditFilter filter = filter(eventId, personId, actor, action, from, to);
        Paging paging = Paging.of(page, PAGE_SIZE, audit.count(filter));
        Map<String, Object> model = new HashMap<>();
        if (event != null) {
            model.put("event", event);
        }
        model.put("entries", audit.find(filter, PAGE_SIZE, paging.offset()).stream().map(e -> readable(e, locale)).toList());
        model.put("paging", paging.model());
        model.put("filter", filter);
        model.put("actors", audit.distinct("actor"));
        model.put("actions", audit.distinct("action"));
        Map<String, String> query = new LinkedHashMap<>();
        if (eventId != null) {
            query.put("eventId", String.valueOf(eventId));
        }
        if (filter.personId() != null) {
            query.put("personId", String.valueOf(filter.personId()));
        }
        put(query, "actor", filter.actor());
        put(query, "action", filter.action());
        put(query, "from", filter.from());
        put(query, "to", filter.to());
        model.put("csvQuery", encode(query));
        query.remove("eventId");
        model.put("pageQuery", encode(query));
        model.put("base", eventId == null ? "/staff/audit" : "/staff/audit/events/" + eventId);
        return new ModelAndView<>("staff/audit", model);
    }

    private static final java.util.regex.Pattern CONSTANT = java.util.regex.Pattern.compile("\\b[A-Z]{2,}(_[A-Z]{2,})+\\b");
    private static final List<String> ENUMS = List.of("RegistrationStatus", "ParticipantType", "EventStatus",
            "InvoiceStatus", "SessionStatus", "EventKind", "EventFormat");

    /** The entry as people read it: constants in the free text (PENDING_PAYMENT) become their label; the CSV keeps them. */
    private AuditEntry readable(AuditEntry e, Locale locale) {
        return new AuditEntry(e.id(), e.occurredAt(), e.actor(), e.action(), e.entityType(), e.entityId(),
                words(e.detail(), locale), words(e.oldValue(), locale), words(e.newValue(), locale));
    }

    private String words(String text, Locale locale) {
        if (text == null) {
            return null;
        }
        return CONSTANT.matcher(text).replaceAll(m -> java.util.regex.Matcher.quoteReplacement(ENUMS.stream()
                .map(type -> "enum." + type + "." + m.group())
                .map(key -> messages.get(locale, key)).filter(label -> !label.startsWith("enum.")).findFirst()
                .orElse(m.group().toLowerCase(Locale.ROOT).replace('_', ' '))));
    }

    private static AuditFilter filter(Long eventId, Long personId, String actor, String action, String from, String to) {
        return new AuditFilter(eventId, personId, blankToNull(actor), blankToNull(action), date("from", from), date("to", to));
    }

    private static LocalDate date(String field, String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(raw.strip());
        } catch (DateTimeParseException e) {
            throw DomainException.invalid(field, "invalid_value");
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static void put(Map<String, String> query, String key, Object value) {
        if (value != null) {
            query.put(key, value.toString());
        }
    }

    private static String encode(Map<String, String> query) {
        StringBuilder out = new StringBuilder();
        query.forEach((k, v) -> out.append(out.isEmpty() ? "" : "&").append(k).append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return out.toString();
    }
}
