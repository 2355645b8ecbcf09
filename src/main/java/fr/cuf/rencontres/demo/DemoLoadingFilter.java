package fr.cuf.rencontres.demo;

import fr.cuf.rencontres.http.ErrorResponses;
import fr.cuf.rencontres.support.Problem;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;

import java.util.List;

/**
 * While the demo data loads in the background ({@link DemoLoading}), every page and API call answers 503
 * {@code demo_loading} with Retry-After (the error page in the site's layout, or JSON on the API), so nobody sees
 * an empty site or signs in before the demo accounts exist. The health and the assets answer as usual.
 */
@ServerFilter("/**")
class DemoLoadingFilter implements Ordered {

    /** Seconds a client should wait before asking again. */
    static final String RETRY_AFTER = "3";

    private final DemoLoading loading;
    private final ErrorResponses errors;

    DemoLoadingFilter(DemoLoading loading, ErrorResponses errors) {
        this.loading = loading;
        this.errors = errors;
    }

    /** Before security: a sign-in page sent meanwhile would lead nowhere. */
    @Override
    public int getOrder() {
        return ServerFilterPhase.FIRST.before();
    }

    @RequestFilter
    @Nullable
    HttpResponse<?> whileLoading(HttpRequest<?> request) {
        if (loading.state() != DemoLoading.State.LOADING || open(request.getPath())) {
            return null;
        }
        return errors.of(request, HttpStatus.SERVICE_UNAVAILABLE, List.of(Problem.of("demo_loading")))
                .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER);
    }

    private static boolean open(String path) {
        return path.equals("/health") || path.startsWith("/health/") || path.startsWith("/assets/")
                || path.equals("/favicon.ico");
    }
}
