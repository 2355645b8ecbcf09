package fr.cuf.rencontres.journey;

import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.security.annotation.Secured;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The GET routes of the back office's controllers (package {@code web.staff}), read from the compiled classes with
 * the roles that may open them, so the crawl can tell a page that no link leads to. JSON routes are left out: they
 * are fetched by the pages' scripts, not opened by people.
 */
final class StaffRoutes {

    record Route(String template, Pattern pattern, Set<String> roles, String handler) {
        boolean matches(String path) {
            return pattern.matcher(path.replaceAll("\\?.*", "")).matches();
        }

        /** Whether a demo account of these granted roles may open it. */
        boolean allows(Set<String> granted) {
            return roles.contains("STAFF") || roles.contains("isAuthenticated()")
                    || granted.stream().anyMatch(roles::contains);
        }
    }

    private static final String PACKAGE = "fr.cuf.rencontres.web.staff";

    private StaffRoutes() {
    }

    static List<Route> all() {
        Path dir = Path.of("target/classes").resolve(PACKAGE.replace('.', '/'));
        List<Route> routes = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class") && !f.toString().contains("$")).toList()) {
                String name = file.getFileName().toString().replace(".class", "");
                Class<?> type = Class.forName(PACKAGE + "." + name);
                Controller controller = type.getAnnotation(Controller.class);
                if (controller != null) {
                    routes.addAll(routesOf(type, controller.value()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
        return routes;
    }

    private static List<Route> routesOf(Class<?> type, String prefix) {
        List<Route> routes = new ArrayList<>();
        for (Method method : type.getDeclaredMethods()) {
            Get get = method.getAnnotation(Get.class);
            if (get == null || producesJson(method, type, get)) {
                continue;
            }
            Secured secured = method.getAnnotation(Secured.class) != null ? method.getAnnotation(Secured.class)
                    : type.getAnnotation(Secured.class);
            Set<String> roles = secured == null ? Set.of("STAFF") : Set.of(secured.value());
            List<String> uris = new ArrayList<>(List.of(get.value()));
            if (!Arrays.equals(get.uris(), new String[] {"/"})) {
                uris.addAll(Arrays.asList(get.uris()));
            }
            for (String uri : uris.stream().distinct().toList()) {
                String template = (prefix + (uri.equals("/") ? "" : uri)).replaceAll("\\{\\?[^}]*}", "");
                String regex = Pattern.quote(template).replaceAll("\\{[^}/]+}", "\\\\E[^/]+\\\\Q");
                routes.add(new Route(template.isEmpty() ? "/" : template, Pattern.compile(regex), roles,
                        type.getSimpleName() + "." + method.getName()));
            }
        }
        return routes;
    }

    private static boolean producesJson(Method method, Class<?> type, Get get) {
        List<String> produced = new ArrayList<>(List.of(get.produces()));
        Produces onMethod = method.getAnnotation(Produces.class);
        Produces onType = type.getAnnotation(Produces.class);
        if (produced.isEmpty() && onMethod != null) {
            produced.addAll(List.of(onMethod.value()));
        }
        if (produced.isEmpty() && onType != null) {
            produced.addAll(List.of(onType.value()));
        }
        // JSON, event streams and scripts (a service worker) are fetched by pages, not opened by people
        return !produced.isEmpty() && produced.stream().allMatch(p -> p.startsWith(MediaType.APPLICATION_JSON)
                || p.contains("event-stream") || p.contains("javascript") || p.contains("manifest"));
    }
}
