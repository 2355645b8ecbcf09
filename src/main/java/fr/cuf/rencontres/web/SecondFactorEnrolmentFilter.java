package fr.cuf.rencontres.web;

import fr.cuf.rencontres.http.ErrorResponses;
import fr.cuf.rencontres.staff.SecondFactorPolicy;
import fr.cuf.rencontres.staff.SecondFactors;
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
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.authentication.Authentication;

import java.net.URI;
import java.util.List;

/**
 * Where an admin must have a second factor (staff.SecondFactorPolicy) and has none, the session its password opened
 * reaches only the enrolment page: every other back-office page sends there, the API answers 403
 * {@code second_factor_enrolment_required}. Runs after the security filter, so the request's user is known.
 * Requests with an Authorization header (API tokens, HTTP Basic) are not sessions and pass: an API token is a factor
 * of its own.
 */
@ServerFilter({"/staff", "/staff/**", "/api/**"})
class SecondFactorEnrolmentFilter implements Ordered {

    static final String ENROL = "/staff/me/second-factor";

    private final SecondFactorPolicy policy;
    private final SecondFactors factors;
    private final ErrorResponses errors;

    SecondFactorEnrolmentFilter(SecondFactorPolicy policy, SecondFactors factors, ErrorResponses errors) {
        this.policy = policy;
        this.factors = factors;
        this.errors = errors;
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.after();
    }

    @RequestFilter
    @ExecuteOn(TaskExecutors.BLOCKING)
    @Nullable
    HttpResponse<?> confine(HttpRequest<?> request) {
        String path = request.getPath();
        if (path.equals(ENROL) || path.startsWith(ENROL + "/") || request.getHeaders().contains(HttpHeaders.AUTHORIZATION)) {
            return null;
        }
        Authentication user = request.getUserPrincipal(Authentication.class).orElse(null);
        if (user == null || !policy.requiredFor(user.getRoles())
                || !(user.getAttributes().get("accountId") instanceof Number id) || factors.isActive(id.longValue())) {
            return null;
        }
        if (path.startsWith("/api/")) {
            return errors.of(request, HttpStatus.FORBIDDEN, List.of(Problem.of("second_factor_enrolment_required")));
        }
        return HttpResponse.seeOther(URI.create(ENROL));
    }
}
