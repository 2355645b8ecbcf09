package fr.cuf.rencontres.staff;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.server.util.HttpClientAddressResolver;
import io.micronaut.security.authentication.AuthenticationRequest;
import io.micronaut.security.authentication.AuthenticationResponse;
import io.micronaut.security.authentication.provider.HttpRequestExecutorAuthenticationProvider;
import io.micronaut.security.authentication.Authentication;
import jakarta.inject.Singleton;

import java.util.HashMap;
import java.util.Map;

/**
 * Checks staff credentials for the sign-in form and for HTTP Basic on the API (on a blocking thread), both through
 * {@link SignIn}: the same throttle, lock-out and audit. A refusal carries its code as message, which the sign-in
 * page shows (web.site.SignInAnswers).
 * <p>
 * An account with a second factor: on the sign-in form, the right password yields an authentication marked
 * {@value SignIn#SECOND_STEP}, which the sign-in answer turns into a code page, never into a session; over HTTP Basic it
 * is refused ({@code second_factor_required}): such an account's API clients use an API token.
 */
@Singleton
class StaffAuthenticationProvider<B> implements HttpRequestExecutorAuthenticationProvider<B> {

    static final String LOGIN_PATH = "/login";

    private final SignIn signIn;
    private final HttpClientAddressResolver addresses;

    StaffAuthenticationProvider(SignIn signIn, HttpClientAddressResolver addresses) {
        this.signIn = signIn;
        this.addresses = addresses;
    }

    @Override
    public AuthenticationResponse authenticate(HttpRequest<B> request, AuthenticationRequest<String, String> credentials) {
        SignIn.Outcome outcome = signIn.attempt(credentials.getIdentity(), credentials.getSecret(),
                String.valueOf(addresses.resolve(request)));
        if (outcome.secondStep()) {
            if (!LOGIN_PATH.equals(request.getPath())) {
                return AuthenticationResponse.failure("second_factor_required");
            }
            Authentication a = outcome.authentication().orElseThrow();
            Map<String, Object> attributes = new HashMap<>(a.getAttributes());
            attributes.put(SignIn.SECOND_STEP, true);
            return AuthenticationResponse.success(a.getName(), a.getRoles(), attributes);
        }
        return outcome.authentication()
                .map(a -> AuthenticationResponse.success(a.getName(), a.getRoles(), a.getAttributes()))
                .orElseGet(() -> AuthenticationResponse.failure(outcome.code()));
    }
}
