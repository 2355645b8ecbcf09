package fr.cuf.rencontres.calendar;

import fr.cuf.rencontres.config.PublicUrl;
import jakarta.inject.Singleton;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** Absolute addresses of feeds and pages (see {@link PublicUrl}), and the UID domain. */
@Singleton
public class FeedLinks {

    private final PublicUrl publicUrl;
    private final String uidDomain;

    FeedLinks(PublicUrl publicUrl, CalendarSettings settings) {
        this.publicUrl = publicUrl;
        // never from the request: a UID that changed with the host asked would duplicate every entry
        String host = publicUrl.isConfigured() ? URI.create(publicUrl.base()).getHost() : null;
        this.uidDomain = settings.getUidDomain() != null && !settings.getUidDomain().isBlank()
                ? settings.getUidDomain().strip() : host == null ? "localhost" : host;
    }

    /**
     * The three ways to use a feed, told apart on pages: subscribe (webcal://, or the https address for
     * apps that ask for one), add to Google Calendar, and download a one-off copy.
     */
    public Map<String, String> of(String pathAndQuery) {
        String https = publicUrl.base() + pathAndQuery;
        String webcal = https.replaceFirst("^https?://", "webcal://");
        Map<String, String> links = new LinkedHashMap<>();
        links.put("https", https);
        links.put("webcal", webcal);
        links.put("google", "https://calendar.google.com/calendar/r?cid=" + URLEncoder.encode(webcal, StandardCharsets.UTF_8));
        links.put("download", https + (pathAndQuery.contains("?") ? "&" : "?") + "download=1");
        return links;
    }

    public URI page(String path) {
        return URI.create(publicUrl.base() + path);
    }

    public String eventPage(String slug) {
        return publicUrl.base() + "/events/" + slug;
    }

    /** {@code session-12@cites-unies-france.org}: derived from identity only, never regenerated. */
    public String uid(String kind, long id) {
        return kind + "-" + id + "@" + uidDomain;
    }
}
