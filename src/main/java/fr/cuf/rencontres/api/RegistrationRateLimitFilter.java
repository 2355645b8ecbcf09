package fr.cuf.rencontres.api;

import fr.cuf.rencontres.registration.RateLimiter;
import fr.cuf.rencontres.support.Problem;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.server.util.HttpClientAddressResolver;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

import java.util.List;

/**
 * Rate-limits registration submissions (the public form and the API) per client address, with the
 * counters shared by every instance in the database. The address honours
 * {@code micronaut.server.client-address-header} behind a proxy.
 */
@ServerFilter(value = {"/events/*/register", "/api/v1/events/*/registrations"}, methods = HttpMethod.POST)
class RegistrationRateLimitFilter {

    private final RateLimiter limiter;
    private final HttpClientAddressResolver addresses;
    private final ErrorResponses responses;

    RegistrationRateLimitFilter(RateLimiter limiter, HttpClientAddressResolver addresses, ErrorResponses responses) {
        this.limiter = limiter;
        this.addresses = addresses;
        this.responses = responses;
    }

    @RequestFilter
    @ExecuteOn(TaskExecutors.BLOCKING)
    @Nullable
    HttpResponse<?> limit(HttpRequest<?> request) {
        String client = addresses.resolve(request);
        if (limiter.allow(client == null ? "unknown" : client)) {
            return null;
        }
        return responses.of(request, HttpStatus.TOO_MANY_REQUESTS, List.of(Problem.of("rate_limited")))
                .header("Retry-After", "60");
    }
}
