package fr.cuf.rencontres.web;

import fr.cuf.rencontres.support.Languages;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;

/** The French/English switch: remembers the choice in a cookie and goes back to the page. */
@Controller("/lang")
@Secured(SecurityRule.IS_ANONYMOUS)
class LanguageController {

    @Get("/{code}")
    HttpResponse<?> switchTo(@PathVariable String code, @Nullable @QueryValue String back, HttpRequest<?> request) {
        String lang = Languages.of(code).getLanguage();
        return HttpResponse.seeOther(sameSitePath(back))
                .cookie(Cookie.of("lang", lang).path("/").maxAge(Duration.ofDays(365)).sameSite(SameSite.Lax));
    }

    /**
     * Where to go back to: a path of this site only. Browsers read {@code /\\host} as {@code //host} and drop tabs
     * and line breaks, so only printable ASCII without backslash, starting with one slash, is kept; anything else
     * (or a path that is not a valid URI) goes home instead of answering 500 or leaving the site.
     */
    static URI sameSitePath(@Nullable String back) {
        if (back == null || !back.matches("/(?!/)[\\x21-\\x7E&&[^\\\\]]*")) {
            return URI.create("/");
        }
        try {
            URI uri = new URI(back);
            return uri.getScheme() == null && uri.getRawAuthority() == null ? uri : URI.create("/");
        } catch (URISyntaxException e) {
            return URI.create("/");
        }
    }
}
