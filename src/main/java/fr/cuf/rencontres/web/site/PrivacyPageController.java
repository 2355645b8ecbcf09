package fr.cuf.rencontres.web.site;

import fr.cuf.rencontres.privacy.PrivacyNotice;
import fr.cuf.rencontres.privacy.PrivacyNotices;
import fr.cuf.rencontres.support.DomainException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.server.util.locale.HttpLocaleResolver;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.View;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** The privacy notice in force ({@code /privacy}), or one earlier version ({@code ?version=}), in the reader's language. */
@Produces(MediaType.TEXT_HTML)
@Controller("/privacy")
@Secured(SecurityRule.IS_ANONYMOUS)
class PrivacyPageController {

    private final PrivacyNotices notices;
    private final HttpLocaleResolver locales;

    PrivacyPageController(PrivacyNotices notices, HttpLocaleResolver locales) {
        this.notices = notices;
        this.locales = locales;
    }

    @Get
    @View("site/privacy")
    Map<String, Object> show(@Nullable @QueryValue String version, HttpRequest<?> request) {
        PrivacyNotice current = notices.current();
        PrivacyNotice shown = version == null || version.isBlank() ? current
                : notices.version(version.strip()).orElseThrow(() -> DomainException.notFound("privacy_version_not_found"));
        Locale locale = locales.resolveOrDefault(request);
        Map<String, Object> model = new HashMap<>();
        model.put("notice", shown);
        model.put("paragraphs", shown.paragraphs(locale));
        model.put("current", shown.version().equals(current.version()));
        model.put("currentVersion", current.version());
        return model;
    }
}
