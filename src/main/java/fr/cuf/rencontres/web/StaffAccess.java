package fr.cuf.rencontres.web;

import io.micronaut.http.HttpMethod;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.web.router.Router;
import io.micronaut.web.router.UriRouteInfo;
import jakarta.inject.Provider;
import jakarta.inject.Singleton;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Whether a staff member may open a page, read from the {@code @Secured} roles of the route that
 * serves it. The back office shows a link (menu, staff home, event hubs) only when this says yes, so
 * links and access checks cannot drift apart: the controller's annotation is the one rule, and no
 * template or controller keeps a second list of roles.
 *
 * <p>It follows Micronaut's {@code SecuredAnnotationRule}: the method's annotation overrides the
 * class's, the route is open when the user holds any listed role, {@code isAuthenticated()} opens it
 * to anyone signed in. A link to a path that no GET route serves is never shown.
 */
@Singleton
public class StaffAccess {

    // a provider: the router is built from every controller, some of which render views with this
    private final Provider<Router> router;
    private volatile List<Route> routes;

    StaffAccess(Provider<Router> router) {
        this.router = router;
    }

    private record Route(UriRouteInfo<?, ?> info, List<String> roles) {
    }

    /** True when a user holding these roles may open this link (a path, query ignored). */
    public boolean mayOpen(String link, Collection<String> userRoles) {
        return route(path(link)).map(route -> allows(route.roles(), userRoles)).orElse(false);
    }

    /** The roles that the route serving this link asks for, empty when no GET route serves it. */
    public Optional<List<String>> rolesFor(String link) {
        return route(path(link)).map(Route::roles);
    }

    /** The URI template of the GET route serving this link ("/staff/events/{slug}"), empty when none does. */
    public Optional<String> templateOf(String link) {
        return route(path(link)).map(r -> r.info().getUriMatchTemplate().toString());
    }

    /** Every GET route's URI template, in the router's order. */
    public List<String> getTemplates() {
        return routes().stream().map(r -> r.info().getUriMatchTemplate().toString()).toList();
    }

    private Optional<Route> route(String path) {
        // routes() is sorted the way the router ranks them (literal segments before variables)
        return routes().stream().filter(r -> r.info().match(path).isPresent()).findFirst();
    }

    private static boolean allows(List<String> required, Collection<String> userRoles) {
        if (required.contains(SecurityRule.IS_ANONYMOUS)) {
            return true;
        }
        if (userRoles == null || userRoles.isEmpty()) {
            return false;
        }
        return required.contains(SecurityRule.IS_AUTHENTICATED) || required.stream().anyMatch(userRoles::contains);
    }

    private static String path(String link) {
        int cut = link.length();
        for (char c : new char[]{'?', '#'}) {
            int at = link.indexOf(c);
            if (at >= 0 && at < cut) {
                cut = at;
            }
        }
        return link.substring(0, cut);
    }

    private List<Route> routes() {
        List<Route> loaded = routes;
        if (loaded == null) {
            loaded = router.get().uriRoutes()
                    .filter(r -> r.getHttpMethod() == HttpMethod.GET)
                    .sorted()
                    .map(r -> new Route(r, r.getTargetMethod().getAnnotationMetadata()
                            .getValue(Secured.class, String[].class).map(List::of)
                            .orElse(List.of(SecurityRule.DENY_ALL))))
                    .toList();
            routes = loaded;
        }
        return loaded;
    }
}
