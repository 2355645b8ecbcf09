package fr.cuf.rencontres.web;

import fr.cuf.rencontres.support.Languages;
import com.github.jknack.handlebars.Handlebars;
import com.github.jknack.handlebars.Helper;
import com.github.jknack.handlebars.cache.ConcurrentMapTemplateCache;
import fr.cuf.rencontres.registration.Quote;
import fr.cuf.rencontres.support.Countries;
import fr.cuf.rencontres.support.Messages;
import fr.cuf.rencontres.support.Times;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Objects;

/**
 * Template helpers: {@code t} (a message in the page's language), {@code date}/{@code time}/
 * {@code datetime} (Paris time, in the page's language), {@code country}, {@code eq}, {@code enum}
 * (the translated name of an enum constant), {@code euros} (cents as "120,00 €"), {@code mayOpen} (a block shown only when the signed-in staff
 * member may open the link made of its arguments, see {@link StaffAccess}); and a template cache
 * (without it every render re-parses).
 */
@Singleton
class HandlebarsSetup implements BeanCreatedEventListener<Handlebars> {

    private final Messages messages;
    private final StaffAccess access;

    HandlebarsSetup(Messages messages, StaffAccess access) {
        this.messages = messages;
        this.access = access;
    }

    @Override
    public Handlebars onCreated(BeanCreatedEvent<Handlebars> event) {
        Handlebars handlebars = event.getBean().with(new ConcurrentMapTemplateCache());
        handlebars.registerHelper("t", (Helper<String>) (key, options) -> {
            Object[] args = options.params;
            return messages.get(locale(options.get("lang")), key, args);
        });
        // an enum constant, or a constant's name read from SQL with its enum's simple name: {{enum status "RegistrationStatus"}}
        handlebars.registerHelper("enum", (Helper<Object>) (value, options) -> {
            if (value == null || "".equals(value)) {
                return "";
            }
            String key = value instanceof Enum<?> constant
                    ? "enum." + constant.getDeclaringClass().getSimpleName() + "." + constant.name()
                    : "enum." + options.param(0) + "." + value;
            return messages.get(locale(options.get("lang")), key);
        });
        // a message whose key ends with a value read from the data: {{tk "csvio.kind." kind}}
        handlebars.registerHelper("tk", (Helper<String>) (prefix, options) ->
                messages.get(locale(options.get("lang")), prefix + options.param(0, "")));
        // a label from a map the controller built (codes to labels): {{at labels code}}, or a fallback for unknown codes
        handlebars.registerHelper("at", (Helper<Object>) (map, options) -> {
            Object key = options.params.length == 0 ? null : options.params[0];
            Object found = map instanceof java.util.Map<?, ?> m && key != null ? m.get(String.valueOf(key)) : null;
            if (found != null) {
                return found;
            }
            return options.params.length > 1 ? options.params[1] : key == null ? "" : key;
        });
        handlebars.registerHelper("euros", (Helper<Object>) (cents, options) ->
                cents instanceof Number n ? Quote.euros(n.intValue()) : "");
        handlebars.registerHelper("mayOpen", (Helper<Object>) (first, options) -> {
            StringBuilder link = new StringBuilder(String.valueOf(first));
            for (Object part : options.params) {
                link.append(part);
            }
            return access.mayOpen(link.toString(), roles(options.get("staff"))) ? options.fn() : options.inverse();
        });
        handlebars.registerHelper("date", (Helper<Object>) (value, options) ->
                format(value, locale(options.get("lang")), "EEEE d MMMM yyyy", "EEEE, MMMM d, yyyy"));
        handlebars.registerHelper("shortdate", (Helper<Object>) (value, options) ->
                format(value, locale(options.get("lang")), "d MMM yyyy", "MMM d, yyyy"));
        handlebars.registerHelper("time", (Helper<Object>) (value, options) ->
                format(value, locale(options.get("lang")), "HH:mm", "h:mm a"));
        handlebars.registerHelper("datetime", (Helper<Object>) (value, options) ->
                format(value, locale(options.get("lang")), "EEE d MMM yyyy, HH:mm", "EEE, MMM d, yyyy, h:mm a"));
        // "15 avril à 9 h" / "15 April at 9:00": when registration opens, as people say it
        handlebars.registerHelper("moment", (Helper<Object>) (value, options) -> value instanceof Instant instant
                && Times.paris(instant).getMinute() != 0
                ? format(value, locale(options.get("lang")), "d MMMM yyyy 'à' H 'h' mm", "MMMM d, yyyy 'at' H:mm")
                : format(value, locale(options.get("lang")), "d MMMM yyyy 'à' H 'h'", "MMMM d, yyyy 'at' H:mm"));
        handlebars.registerHelper("isodate", (Helper<Object>) (value, options) -> value == null ? ""
                : Times.paris((Instant) value).toLocalDateTime().toString());
        handlebars.registerHelper("country", (Helper<String>) (code, options) ->
                Countries.name(code, locale(options.get("lang"))));
        handlebars.registerHelper("eq", (Helper<Object>) (a, options) ->
                Objects.equals(String.valueOf(a), String.valueOf(options.params.length == 0 ? null : options.params[0]))
                        ? options.fn() : options.inverse());
        return handlebars;
    }

    private static java.util.Collection<String> roles(Object staff) {
        if (staff instanceof java.util.Map<?, ?> map && map.get("roles") instanceof java.util.Collection<?> roles) {
            return roles.stream().map(String::valueOf).toList();
        }
        return java.util.List.of();
    }

    private static Locale locale(Object lang) {
        return Languages.of(lang == null ? null : String.valueOf(lang));
    }

    private static String format(Object value, Locale locale, String french, String english) {
        if (value == null) {
            return "";
        }
        DateTimeFormatter formatter = DateTimeFormatter.ofPattern(locale == Locale.ENGLISH ? english : french, locale);
        if (value instanceof Instant instant) {
            return formatter.format(Times.paris(instant));
        }
        if (value instanceof ZonedDateTime zoned) {
            return formatter.format(zoned.withZoneSameInstant(Times.PARIS));
        }
        if (value instanceof LocalDate date) {
            return formatter.format(date);
        }
        if (value instanceof LocalTime time) {
            return formatter.format(time);
        }
        return value.toString();
    }
}
