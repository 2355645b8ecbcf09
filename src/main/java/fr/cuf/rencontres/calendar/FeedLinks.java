package fr.cuf.rencontres.calendar;

import fr.cuf.rencontres.config.RencontresConfiguration;
import jakarta.inject.Singleton;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** Absolute addresses of feeds and pages, from {@code rencontres.public-url}, and the UID domain. */
@Singleton
public class FeedLinks {

    private final String base;
    private final String uidDomain;

    FeedLinks(RencontresConfiguration configuration, CalendarSettings settings) {
        String url = configuration.getPublicUrl() == null ? "http://localhost:8080" : configuration.getPublicUrl();
        this.base = url.replaceAll("/+$", "");
        String host = URI.create(base).getHost();
        this.uidDomain = settings.getUidDomain() != null && !settings.getUidDomain().isBlank()
                ? settings.getUidDomain().strip() : host == null ? "localhost" : host;
    }

    /**
     * The three ways to use a feed, told apart on pages: subscribe (webcal://, or the https address for
     * apps that ask for one), add to Google Calendar, and download a one-off copy.
     */
    public Map<String, String> of(String pathAndQuery) {
        String https = base + pathAndQuery;
        String webcal = https.replaceFirst("^https?://", "webcal://");
        Map<String, String> links = new LinkedHashMap<>();
        links.put("https", https);
        links.put("webcal", webcal);
        links.put("google", "https://calendar.google.com/calendar/r?cid=" + URLEncoder.encode(webcal, StandardCharsets.UTF_8));
        links.put("download", https + (pathAndQuery.contains("?") ? "&" : "?") + "download=1");
        return links;
    }

    public URI page(String path) {
        return URI.create(base + path);
    }

    public String eventPage(String slug) {
        return base + "/events/" + slug;
    }

    /** {@code session-12@cites-unies-france.org}: derived from identity only, never regenerated. */
    public String uid(String kind, long id) {
        return kind + "-" + id + "@" + uidDomain;
    }
}
