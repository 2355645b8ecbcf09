package fr.cuf.rencontres.web;

import fr.cuf.rencontres.support.Languages;
import fr.cuf.rencontres.config.RencontresConfiguration;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.server.util.locale.HttpLocaleResolver;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.views.ModelAndView;
import io.micronaut.views.model.ViewModelProcessor;
import jakarta.inject.Singleton;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * What every page needs besides its own model: the language, the signed-in staff member and their
 * roles, the CSRF token of forms, and the banner of a fixed clock.
 */
@Singleton
class PageModel implements ViewModelProcessor<Map<String, Object>> {

    private final HttpLocaleResolver locales;
    private final RencontresConfiguration configuration;

    PageModel(HttpLocaleResolver locales, RencontresConfiguration configuration) {
        this.locales = locales;
        this.configuration = configuration;
    }

    @Override
    public void process(HttpRequest<?> request, ModelAndView<Map<String, Object>> modelAndView) {
        Map<String, Object> model = new HashMap<>(modelAndView.getModel().orElseGet(Map::of));
        Locale locale = locales.resolveOrDefault(request);
        model.put("lang", locale.getLanguage());
        model.put("otherLang", Languages.english(locale) ? "fr" : "en");
        model.put("path", request.getPath());
        configuration.getClock().getFixed().ifPresent(fixed -> model.put("fixedClock", fixed.toInstant()));
        request.getUserPrincipal(Authentication.class).ifPresent(user -> {
            Map<String, Object> staff = new HashMap<>();
            staff.put("username", user.getName());
            staff.put("name", user.getAttributes().getOrDefault("name", user.getName()));
            user.getRoles().forEach(role -> staff.put("is" + role, true));
            // read by the mayOpen helper: a link is shown when the target route's @Secured accepts these
            staff.put("roles", java.util.List.copyOf(user.getRoles()));
            model.put("staff", staff);
        });
        model.put("csrfToken", CsrfCookieFilter.token(request));
        modelAndView.setModel(model);
    }
}
