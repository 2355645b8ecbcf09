package fr.cuf.rencontres.http;

import fr.cuf.rencontres.registration.RateLimiter;
import fr.cuf.rencontres.support.Problem;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.server.util.HttpClientAddressResolver;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Optional;

/**
 * The per-address limit of registration submissions (the public form and the API), checked first by
 * their controllers (a blocking database call: not in a filter on the event loop). The address honours
 * {@code micronaut.server.client-address-header} behind a proxy.
 */
@Singleton
public class RegistrationRateLimit {

    private final RateLimiter limiter;
    private final HttpClientAddressResolver addresses;
    private final ErrorResponses responses;

    RegistrationRateLimit(RateLimiter limiter, HttpClientAddressResolver addresses, ErrorResponses responses) {
        this.limiter = limiter;
        this.addresses = addresses;
        this.responses = responses;
    }

    /** A 429 response when the client is over its limit for this minute. */
    public Optional<HttpResponse<?>> refusal(HttpRequest<?> request) {
        String client = addresses.resolve(request);
        if (limiter.allow(client == null ? "unknown" : client)) {
            return Optional.empty();
        }
        return Optional.of(responses.of(request, HttpStatus.TOO_MANY_REQUESTS, List.of(Problem.of("rate_limited")))
                .header("Retry-After", "60"));
    }
}
