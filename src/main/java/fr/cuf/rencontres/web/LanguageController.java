package fr.cuf.rencontres.web;

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
import java.time.Duration;

/** The French/English switch: remembers the choice in a cookie and goes back to the page. */
@Controller("/lang")
@Secured(SecurityRule.IS_ANONYMOUS)
class LanguageController {

    @Get("/{code}")
    HttpResponse<?> switchTo(@PathVariable String code, @Nullable @QueryValue String back, HttpRequest<?> request) {
        String lang = "en".equals(code) ? "en" : "fr";
        String target = back != null && back.startsWith("/") && !back.startsWith("//") ? back : "/";
        return HttpResponse.seeOther(URI.create(target))
                .cookie(Cookie.of("lang", lang).path("/").maxAge(Duration.ofDays(365)).sameSite(SameSite.Lax));
    }
}
