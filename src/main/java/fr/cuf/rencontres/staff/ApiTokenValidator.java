package fr.cuf.rencontres.staff;

import io.micronaut.http.HttpRequest;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.token.validator.TokenValidator;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.util.Optional;
import java.util.concurrent.ExecutorService;

/** {@code Authorization: Bearer rct_…}: a staff account's named API token (staff.ApiTokens), for API clients. */
@Singleton
class ApiTokenValidator implements TokenValidator<HttpRequest<?>> {

    private final ApiTokens tokens;
    private final ExecutorService blocking;

    ApiTokenValidator(ApiTokens tokens, @Named(TaskExecutors.BLOCKING) ExecutorService blocking) {
        this.tokens = tokens;
        this.blocking = blocking;
    }

    @Override
    public Publisher<Authentication> validateToken(String token, HttpRequest<?> request) {
        if (token == null || !token.startsWith(ApiTokens.PREFIX)) {
            return Mono.empty();
        }
        Optional<Authentication> known = tokens.recentlyUsed(token);
        if (known.isPresent()) {
            return Mono.just(known.get()); // no database: answered on the calling thread
        }
        // a plain Executor: see SessionTokens (a cancelled task must not interrupt the request's thread)
        return Mono.fromCallable(() -> tokens.authenticate(token).orElse(null))
                .subscribeOn(Schedulers.fromExecutor(blocking::execute));
    }
}
