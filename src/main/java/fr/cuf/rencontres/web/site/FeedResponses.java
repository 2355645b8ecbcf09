package fr.cuf.rencontres.web.site;

import fr.cuf.rencontres.calendar.RenderedFeed;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Locale;

/**
 * HTTP for feeds: {@code text/calendar; charset=utf-8}, a strong ETag and Last-Modified, and 304 when
 * the client already holds these bytes (If-None-Match wins over If-Modified-Since, RFC 9110 13.2.2).
 * Personal feeds are private to caches and send no Referer onwards.
 */
final class FeedResponses {

    static final MediaType TEXT_CALENDAR = MediaType.of("text/calendar; charset=utf-8");
    private static final DateTimeFormatter HTTP_DATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private FeedResponses() {
    }

    static MutableHttpResponse<?> of(HttpRequest<?> request, RenderedFeed feed, boolean personal,
                                     @Nullable String downloadName) {
        MutableHttpResponse<?> response = notModified(request, feed) ? HttpResponse.notModified()
                : HttpResponse.ok(feed.body()).contentType(TEXT_CALENDAR);
        response.header(HttpHeaders.ETAG, feed.etag());
        if (feed.lastModified() != null) {
            response.header(HttpHeaders.LAST_MODIFIED, HTTP_DATE.format(feed.lastModified()));
        }
        // clients revalidate every time; an unchanged feed then costs a 304
        response.header(HttpHeaders.CACHE_CONTROL, personal ? "private, no-cache" : "public, no-cache");
        if (personal) {
            response.header("Referrer-Policy", "no-referrer");
            response.header("X-Robots-Tag", "noindex");
        }
        if (downloadName != null) {
            response.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + downloadName + "\"");
        }
        return response;
    }

    private static boolean notModified(HttpRequest<?> request, RenderedFeed feed) {
        String ifNoneMatch = request.getHeaders().get(HttpHeaders.IF_NONE_MATCH);
        if (ifNoneMatch != null) {
            return Arrays.stream(ifNoneMatch.split(","))
                    .map(String::strip)
                    .map(tag -> tag.startsWith("W/") ? tag.substring(2) : tag)
                    .anyMatch(tag -> tag.equals("*") || tag.equals(feed.etag()));
        }
        String ifModifiedSince = request.getHeaders().get(HttpHeaders.IF_MODIFIED_SINCE);
        if (ifModifiedSince != null && feed.lastModified() != null) {
            try {
                Instant since = ZonedDateTime.parse(ifModifiedSince, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                return !feed.lastModified().truncatedTo(ChronoUnit.SECONDS).isAfter(since);
            } catch (DateTimeParseException unreadable) {
                return false;
            }
        }
        return false;
    }
}
